class Base:
    registry = []
    def __init_subclass__(cls, /, tag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = tag
        Base.registry.append((cls.__name__, tag))

class A(Base, tag="a"): pass
class B(A): pass
class C(B, tag="c"): pass
print(Base.registry, A.tag, B.tag, C.tag)

try:
    class D(Base, unknown=1): pass
except TypeError as e:
    print("TypeError", e)

try:
    class E(object, x=1): pass
except TypeError as e:
    print("TypeError", e)

class Plain:
    pass
try:
    class F(Plain, y=2): pass
except TypeError as e:
    print("TypeError", e)

class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get("_" + self.name, "unset")
    def __set__(self, obj, value):
        obj.__dict__["_" + self.name] = value

class Model:
    x = Field()
    y = Field()
m = Model()
m.x = 5
print(m.x, m.y, Model.x.name)

# __set_name__ is looked up on the type, not the instance
class Weird:
    pass
w = Weird()
w.__set_name__ = lambda *a: print("instance attr called")
class Holder:
    attr = w
print("no call")

# __set_name__ raising
class BadName:
    def __set_name__(self, owner, name):
        raise ValueError("bad " + name)
try:
    class H:
        q = BadName()
except Exception as e:
    print(type(e).__name__, e, type(e.__cause__).__name__ if e.__cause__ else None)

class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(Box[int], Box[1, 2])

class Sub(Box): pass
print(Sub["x"])

class Proxy:
    def __mro_entries__(self, bases):
        print("mro_entries", len(bases))
        return (Plain,)
class Q(Proxy()):
    pass
print(Q.__mro__[1].__name__, Q.__orig_bases__[0].__class__.__name__)

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, kw)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name, kw)
        super().__init__(name, bases, ns)
class WithMeta(metaclass=Meta, opt=3):
    pass

class InitSubMeta(Base, metaclass=Meta, tag="m"):
    pass
print(InitSubMeta.tag)

import typing
T = typing.TypeVar("T")
class G(typing.Generic[T]):
    pass
print(G[int].__origin__ is G, G.__orig_bases__)
