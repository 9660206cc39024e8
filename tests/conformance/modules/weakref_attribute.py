# `__weakref__`: which objects can be weakly referenced (classes with and
# without __slots__, builtin types), the attribute on instances and classes.
import weakref


class A:
    pass


class S:
    __slots__ = ('x',)


class SW:
    __slots__ = ('x', '__weakref__')


class SubS(S):
    pass


class SubSW(SW):
    __slots__ = ('y',)


class I(int):
    pass


class L(list):
    pass


class E(Exception):
    pass


a = A()
print(a.__weakref__)
r = weakref.ref(a)
print(a.__weakref__ is r)
r2 = weakref.ref(a, lambda _: None)
print(a.__weakref__ is r, weakref.getweakrefcount(a))
print(hasattr(A, '__weakref__'), hasattr(S, '__weakref__'), hasattr(SW, '__weakref__'), hasattr(S(), '__weakref__'))
print(A.__weakref__.__get__(a) is r, A.__weakref__.__get__(A()))
for cls in [S, SW, SubS, SubSW, I, L, E, A, object, Exception]:
    try:
        o = cls()
        w = weakref.ref(o)
        print(cls.__name__, 'ok', w() is o, o.__weakref__ is w)
    except TypeError as e:
        print(cls.__name__, e)
try:
    a.__weakref__ = 1
except AttributeError as e:
    print(e)
try:
    setattr(a, '__weakref__', 2)
except AttributeError as e:
    print(e)


class B(A):
    pass


b = B()
print('__weakref__' in B.__dict__, b.__weakref__)
wb = weakref.ref(b)
del b
print(wb())
