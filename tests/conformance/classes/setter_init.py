"""Constructors whose __init__ only stores its parameters as attributes
(which Spry runs without a frame) must behave exactly like any other:
hooks, descriptors, slots, defaults, redefinition, recursion limits."""
import sys


class P:
    def __init__(self, x, y, z=3):
        self.x = x
        self.y = y
        self.z = z


class Twice:
    def __init__(self, a, b):
        self.first = a
        self.second = a
        self.third = b


class Repeat:
    def __init__(self, a, b):
        self.v = a
        self.v = b


class Hooked:
    log = []

    def __init__(self, a):
        self.a = a

    def __setattr__(self, name, value):
        Hooked.log.append((name, value))
        object.__setattr__(self, name, value * 2)


class WithProp:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    @property
    def b(self):
        return self._b

    @b.setter
    def b(self, v):
        self._b = -v


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


class Child(P):
    pass


def show(o):
    d = getattr(o, "__dict__", None)
    return (type(o).__name__, d if d is None else dict(d))


for i in range(3):
    print(show(P(i, i + 1)), show(P(1, 2, z=i)) if i else show(P(i, "s", [i])))
    print(show(Twice(i, -i)), show(Repeat(i, 10 * i)), show(Child(i, i)))
    print(show(WithProp(i, i + 5)), WithProp(i, 1).b)
    s = Slotted(i, i * 2)
    print(s.a, s.b, hasattr(s, "__dict__"))
    print(show(Hooked(i)), Hooked.log[-1])

# Instances of P are made both before and after changes to the class.
objs = [P(i, i) for i in range(5)]
P.y = property(lambda self: "prop", lambda self, v: setattr(self, "_y", v))
print(show(P(1, 2)), P(1, 2).y)
del P.y
print(show(P(7, 8)))
def init2(self, x, y, z=0):
    self.x = y
    self.y = x
P.__init__ = init2
print(show(P(1, 2)), show(Child(3, 4)))
P.__setattr__ = lambda self, n, v: object.__setattr__(self, n.upper(), v)
print(show(P(1, 2)), show(Child(5, 6)))
del P.__setattr__
print(show(P(1, 2)))

# Errors: wrong argument counts still raise the usual TypeError.
for args in [(), (1,), (1, 2, 3, 4)]:
    try:
        P(*args)
    except TypeError as e:
        print("TypeError:", e)

# A recursion that constructs at every level hits the limit as before.
def deep(n):
    P(n, n)
    return deep(n + 1)

sys.setrecursionlimit(200)
try:
    deep(0)
except RecursionError as e:
    print("RecursionError:", e)

# The instance is complete when the next statement runs; attributes
# keep their order.
q = P("a", "b", "c")
print(list(vars(q)), q.__dict__ == {"x": "b", "y": "a"})
print(sum(P(i, i).x for i in range(1000)))
