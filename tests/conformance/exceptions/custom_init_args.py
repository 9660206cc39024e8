# Exception classes with a Python __init__: args as BaseException.__new__
# sets them (with or without super().__init__), attributes, reprs, str,
# __init__ errors, and a class changed after its first use.
class NoSuper(Exception):
    def __init__(self, a, b=2):
        self.total = a + b


class WithSuper(ValueError):
    def __init__(self, message, code=7):
        super().__init__(message)
        self.code = code


class Deeper(WithSuper):
    def __init__(self, field):
        super().__init__("missing %s" % field, 9)
        self.field = field


for i in range(3):
    e = NoSuper(i, 10)
    print(e.args, e.total, str(e), repr(e))
print(NoSuper(1).args, NoSuper(1).total)
for cls, args in ((WithSuper, ("bad",)), (WithSuper, ("bad", 3)), (Deeper, ("qty",))):
    e = cls(*args)
    print(type(e).__name__, e.args, e.code, str(e), repr(e), getattr(e, "field", None))
try:
    raise Deeper("price")
except ValueError as e:
    print("caught", e, e.field, isinstance(e, WithSuper))
try:
    NoSuper()
except TypeError as e:
    print("TypeError:", e)


class Bad(Exception):
    def __init__(self):
        return 1


try:
    Bad()
except TypeError as e:
    print("TypeError:", e)
NoSuper.__init__ = lambda self, *a: None
print(NoSuper(5, 6).args, hasattr(NoSuper(5, 6), "total"))


class WithNew(Exception):
    def __new__(cls, *args):
        inst = super().__new__(cls, "replaced")
        return inst

    def __init__(self, x):
        self.x = x


w = WithNew(4)
print(w.args, w.x)
