# Operator dunders and __init__ run as interpreter frames: NotImplemented
# fallbacks, reflected methods of other classes and subclasses, errors,
# classes changed after their first use, and deep recursion through them.
class V:
    def __init__(s, x):
        s.x = x

    def __add__(s, o):
        if isinstance(o, V):
            return V(s.x + o.x)
        if o == 0:
            return NotImplemented
        return V(s.x + o)

    def __radd__(s, o):
        return V(o * 100 + s.x)

    def __sub__(s, o):
        return NotImplemented

    def __repr__(s):
        return f"V({s.x})"


class W:
    def __radd__(s, o):
        return "W.radd"

    def __rsub__(s, o):
        return "W.rsub"


a = V(1)
print(a + V(2), a + 5, a + W(), a - W())
for bad in (0, None):
    try:
        print(a + bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    a - 1
except TypeError as e:
    print("TypeError:", e)


def boom(s, o):
    raise ValueError("boom")


V.__mul__ = boom
for i in range(3):
    try:
        a * 2
    except ValueError as e:
        print(i, e)
x = a
for i in range(5):
    x = x + 1
print(x, sum([V(1), V(2)], V(0)))


class VV(V):
    def __radd__(s, o):
        return "VV.radd"


print(a + VV(3), VV(3) + a)
V.__add__ = lambda s, o: "replaced"
print(a + a, a + 1)
del V.__add__
try:
    a + a
except TypeError as e:
    print("TypeError:", e)


# every binary operator through a dunder
class Ops:
    def __init__(self, tag):
        self.tag = tag


for name in ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "or", "xor", "matmul"]:
    setattr(Ops, f"__{name}__", (lambda n: lambda s, o: f"{s.tag}.{n}({o})")(name))
o = Ops("o")
print(o + 1, o - 1, o * 1, o / 1, o // 1, o % 1, o ** 1)
print(o << 1, o >> 1, o & 1, o | 1, o ^ 1, o @ 1)


# __init__ frames
class P:
    count = 0

    def __init__(self, a, b=2):
        P.count += 1
        self.a = a
        self.b = b


ps = [P(i) for i in range(5)] + [P(i, i) for i in range(3)]
print(P.count, [(p.a, p.b) for p in ps][:4])


class Bad:
    def __init__(self):
        return 5


try:
    Bad()
except TypeError as e:
    print("TypeError:", e)


class Late:
    def __init__(self, v):
        self.v = v


print(Late(1).v)
Late.__init__ = lambda self, v: setattr(self, "v", v * 10)
print(Late(1).v)


def new(cls, v):
    inst = object.__new__(cls)
    inst.v = "from __new__"
    return inst


Late.__new__ = new
print(Late(2).v)
try:
    P()
except TypeError as e:
    print("TypeError:", e)
try:
    P(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)


class Raises:
    def __init__(self, n):
        self.n = n
        if n > 2:
            raise KeyError(n)


try:
    Raises(3)
except KeyError as e:
    print("KeyError:", e)


class Chain:
    def __init__(self, n):
        self.next = Chain(n - 1) if n else None


def depth(c):
    d = 0
    while c:
        c, d = c.next, d + 1
    return d


print(depth(Chain(300)))
try:
    Chain(5000)
except RecursionError as e:
    print("RecursionError:", e)


class Deep:
    def __init__(self, n):
        self.n = n

    def __add__(self, o):
        return self if self.n == 0 else Deep(self.n - 1) + o


print((Deep(300) + 1).n)
try:
    Deep(5000) + 1
except RecursionError as e:
    print("RecursionError:", e)
