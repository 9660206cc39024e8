# Class attribute stores and deletes go through the metaclass's __setattr__/__delattr__,
# dir() of a class through the metaclass's __dir__; sys._getframe's f_globals;
# enum's protections and Flag iteration order built on them.
import enum
import sys
from collections import namedtuple


class Meta(type):
    def __setattr__(cls, name, value):
        print("Meta.__setattr__", cls.__name__, name, value)
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        print("Meta.__delattr__", cls.__name__, name)
        type.__delattr__(cls, name)

    def __dir__(cls):
        return ["b", "a"]


class C(metaclass=Meta):
    pass


class Sub(C):
    pass


C.x = 1
setattr(C, "y", 2)
Sub.z = 3
print(C.x, C.y, Sub.z, Sub.x)
del C.x
print(hasattr(C, "x"), dir(C), dir(Sub))
for i in range(300):
    Sub.counter = i
print(Sub.counter)
try:
    del C.missing
except AttributeError as e:
    print("AttributeError", e)
try:
    type.__setattr__(int, "x", 1)
except TypeError as e:
    print("TypeError", e)


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    ALIAS = 1


for action in [lambda: setattr(Color, "RED", 5), lambda: delattr(Color, "GREEN"), lambda: setattr(Color.RED, "value", 3)]:
    try:
        action()
    except AttributeError as e:
        print("AttributeError", e)
print(Color.RED, Color.RED.value, list(Color), dir(Color)[:4])
Color.extra = "ok"
print(Color.extra)


class Perm(enum.Flag):
    R = 4
    W = 2
    X = 1


class Ordered(enum.Flag):
    A = 1
    B = 2
    C = 4


print(Perm.R | Perm.W, Perm(7), list(Perm.R | Perm.X), ~Perm.R, str(Perm.W | Perm.X))
print(Ordered.A | Ordered.C, list(Ordered(7)), Ordered(6))


def where():
    return sys._getframe(1).f_globals["__name__"], sys._getframe().f_code.co_name


print(where(), sys._getframe().f_back)
try:
    sys._getframe(10 ** 6)
except ValueError as e:
    print("ValueError", e)
Point = namedtuple("Point", "x y")
print(Point.__module__, Point(1, 2))
