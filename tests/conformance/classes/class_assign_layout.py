# __class__ assignment checks the instance layout (__slots__); a method of
# a __slots__ class cannot be shadowed on an instance (read-only).
class C:
    __slots__ = ('x', 'y')
    def m(self): return 1
class C2:
    __slots__ = ('x', 'y')
class D:
    pass
class E:
    def f(self): return "E"
class F:
    def f(self): return "F"
o = C()
try:
    o.__class__ = D
    print('assigned', type(o).__name__)
except TypeError as e:
    print(e)
o.__class__ = C2
print(type(o).__name__)
d = D()
try:
    d.__class__ = C
except TypeError as e:
    print(e)
e = E()
e.__class__ = F
print(e.f(), type(e).__name__)
try:
    C().m = lambda: 2
except AttributeError as err:
    print(err)
try:
    C().zz = 1
except AttributeError as err:
    print(err)
