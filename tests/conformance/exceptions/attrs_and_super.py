# Attributes stored on exception instances (`self.x = ...` in `__init__`,
# through the attribute cache: names kept outside the instance dict --
# args, __cause__, __context__, __suppress_context__, __traceback__ -- must
# still take the general path), and `super()` / `super().method(...)`.


class AppError(Exception):
    def __init__(self, message, record=None):
        super().__init__(message)
        self.record = record
        self.args = (message, "extra")


class Chained(AppError):
    def __init__(self, message, cause):
        super().__init__(message)
        self.__cause__ = cause
        self.__suppress_context__ = False
        self.note = "n"


for i in range(3000):
    e = AppError("m%d" % i, i)
    c = Chained("c", e)
print(e.args, e.record, sorted(e.__dict__))
print(c.args, c.__cause__ is e, c.__suppress_context__, sorted(c.__dict__))
try:
    raise c
except Chained as err:
    print(type(err.__cause__).__name__, err.note, err.record)
try:
    e.__cause__ = 5
except TypeError as err:
    print("TypeError", err)
e.__traceback__ = None
print(e.__traceback__)


class L(list):
    def __init__(self, n):
        super().__init__(range(n))
        self.n = n

    def append(self, x):
        super().append(x * 2)


class D(dict):
    def get(self, k, default=None):
        return ("D", super().get(k, default))


for i in range(2000):
    lst = L(3)
    lst.append(i)
    d = D(a=1)
print(lst, lst.n, d.get("a"), d.get("b", 0))


class Base:
    def who(self):
        return "Base"

    @classmethod
    def make(cls):
        return "make " + cls.__name__


class Mid(Base):
    def who(self):
        return "Mid>" + super().who()

    @classmethod
    def make(cls):
        return "Mid " + super().make()


class Leaf(Mid):
    def who(self):
        return "Leaf>" + super().who()

    def __repr__(self):
        return "Leaf(" + super().__repr__()[:6] + ")"


for i in range(2000):
    w = Leaf().who()
print(w, Leaf.make(), repr(Leaf()))

for args in [(), (Leaf, Leaf()), (Leaf, Leaf(), 3)]:
    try:
        s = super(*args)
        print(type(s).__name__)
    except (TypeError, RuntimeError) as err:
        print(type(err).__name__, err)
try:
    super(Leaf, obj=Leaf())
except TypeError as err:
    print("TypeError", err)
try:
    super(int, "x")
except TypeError as err:
    print("TypeError", err)
print(super(Mid, Leaf()).who(), super(Leaf, Leaf).make())
