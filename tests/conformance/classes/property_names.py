# Messages of properties without an accessor name the property once __set_name__ gave it a name (at class creation, or called by hand); a property assigned to a class later has none (found by differential fuzzing).
class K:
    pass
def g(self):
    return 1
K.p = property(g)
k = K()
try:
    k.p = 5
except AttributeError as e:
    print(e)
class M:
    @property
    def q(self): return 2
    r = property(lambda self: 3)
m = M()
for n in ('q', 'r'):
    try:
        setattr(m, n, 1)
    except AttributeError as e:
        print(e)
    try:
        delattr(m, n)
    except AttributeError as e:
        print(e)
K.s = property(g)
try:
    del k.s
except AttributeError as e:
    print(e)
class K2: pass
p=property(None)
K2.a=p
try: K2().a
except AttributeError as e: print(e)
p.__set_name__(K2,'zz')
try: K2().a
except AttributeError as e: print(e)
class M2:
    b=property(None)
try: M2().b
except AttributeError as e: print(e)
q=M2.__dict__['b'].setter(lambda s,v:None)
K2.c=q
try: del K2().c
except AttributeError as e: print(e)
try: M2.__dict__['b'].__set__(K2(), 1)
except AttributeError as e: print(e)
try: M2.__dict__['b'].__delete__(3)
except AttributeError as e: print(e)
class Named(property):
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
        super().__set_name__(owner, name)
class N:
    x = Named(lambda self: 1)
try:
    N().x = 2
except AttributeError as e:
    print(e)
print(N().x, hasattr(property, '__set_name__'))
