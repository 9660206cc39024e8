# type(name, bases, ns, **kw) when a base has a metaclass derived from type:
# that metaclass makes the class (its __new__ and __init__ take the
# keywords); metaclass conflicts are refused.
class M(type):
    def __new__(mcls, name, bases, ns, *, flag=None, **kw):
        print("M.__new__", name, flag, kw)
        return super().__new__(mcls, name, bases, ns, **kw)

    def __init__(cls, name, bases, ns, **kw):
        print("M.__init__", name, sorted(kw))
        super().__init__(name, bases, ns)


class B(metaclass=M):
    pass


C = type("C", (B,), {"x": 1}, flag=1)
print(type(C).__name__, C.x, C.__mro__[1].__name__)
D = type("D", (B,), {})
print(type(D).__name__)


class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)


E = type("E", (Base,), {}, tag="t")
print(type(E).__name__)


class N(type):
    pass


class O(metaclass=N):
    pass


try:
    type("F", (B, O), {})
except TypeError as e:
    print(e)
try:
    type("G", (B,), {}, bogus=1)
except TypeError as e:
    print(type(e).__name__, e)
