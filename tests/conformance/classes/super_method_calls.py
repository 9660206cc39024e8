# super().name(...) calls: Python functions, builtin methods of base
# classes, static and class methods, properties and plain attributes.


class AppError(Exception):
    code = 500

    def __init__(self, message, record=None):
        super().__init__(message)
        self.record = record


class Missing(AppError):
    def __init__(self, field, record=None):
        super().__init__("missing %s" % field, record)
        self.field = field

    def __str__(self):
        return "<" + super().__str__() + ">"


e = Missing("qty", {"id": 1})
print(e, e.args, e.record, e.field, repr(e))
e = AppError("x")
print(e.args, e.record)


class Base:
    def m(self, x):
        return ("Base.m", type(self).__name__, x)

    @staticmethod
    def s(x):
        return ("Base.s", x)

    @classmethod
    def c(cls, x):
        return ("Base.c", cls.__name__, x)

    @property
    def p(self):
        return ("Base.p", type(self).__name__)

    attr = 42

    def __repr__(self):
        return "Base-repr"


class Mid(Base):
    def m(self, x):
        return ("Mid.m",) + super().m(x)


class Leaf(Mid):
    def m(self, x):
        return ("Leaf.m",) + super().m(x)

    def calls(self):
        return [super().s(1), super().c(2), super().p, super().attr, super().__repr__(), super().__class__.__name__]

    @classmethod
    def cm(cls):
        return super().c(3)

    def __init__(self):
        super().__init__()
        self.ok = True

    def h(self):
        return super().__hash__() == object.__hash__(self)

    def fmt(self):
        return super().__format__("")

    def missing(self):
        return super().nope()


leaf = Leaf()
print(leaf.m(1))
print(leaf.calls())
print(Leaf.cm(), leaf.ok, leaf.h(), leaf.fmt())
try:
    leaf.missing()
except AttributeError as e:
    print("AttributeError:", e)


# Diamond MRO.
class A:
    def who(self):
        return ["A"]


class B(A):
    def who(self):
        return ["B"] + super().who()


class C(A):
    def who(self):
        return ["C"] + super().who()


class D(B, C):
    def who(self):
        return ["D"] + super().who()


print(D().who(), [k.__name__ for k in D.__mro__])


# Explicit two-argument super and super of builtin types.
class L(list):
    def append(self, x):
        super().append(x * 2)

    def total(self):
        return super(L, self).__len__()


lst = L()
lst.append(1)
lst.append(5)
print(lst, lst.total())


class S(str):
    def upper(self):
        return "S:" + super().upper()


print(S("abc").upper())


# __new__ through super (static).
class N:
    def __new__(cls, *args):
        inst = super().__new__(cls)
        inst.args = args
        return inst


print(N(1, 2).args)


# A method replaced on the base class after the first call is seen.
class P:
    def f(self):
        return "old"


class Q(P):
    def f(self):
        return super().f()


q = Q()
print(q.f())
P.f = lambda self: "new"
print(q.f())
P.f = staticmethod(lambda: "static")
print(q.f())


# super() in __init_subclass__ and with keyword arguments.
class Reg:
    seen = []

    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        Reg.seen.append((cls.__name__, kw))


class R1(Reg, tag=1):
    pass


print(Reg.seen)


class KW:
    def f(self, a, b=2, *, c=3):
        return (a, b, c)


class KW2(KW):
    def f(self, a, b=2, *, c=3):
        return super().f(a, c=c * 10)


print(KW2().f(1), KW2().f(1, c=4))


# Instances made with __init__ defaults filled in (exception classes too).
class WithDefaults:
    def __init__(self, a, b=2, c=None):
        self.t = (a, b, c)


print(WithDefaults(1).t, WithDefaults(1, 5).t, WithDefaults(1, 5, 6).t)
for args in [(), (1, 2, 3, 4)]:
    try:
        WithDefaults(*args)
    except TypeError as e:
        print("TypeError:", e)
for args in [(), ("a", "b", "c")]:
    try:
        AppError(*args)
    except TypeError as e:
        print("TypeError:", e)
e = AppError("only")
print(e.args, e.record, str(e))
WithDefaults.__init__.__defaults__ = (7, 8)
print(WithDefaults(0).t)
WithDefaults.__init__.__defaults__ = None
try:
    WithDefaults(0)
except TypeError as e:
    print("TypeError:", e)
