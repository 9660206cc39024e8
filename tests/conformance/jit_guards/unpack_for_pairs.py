# for a, b in xs over lists/tuples of tuples (compiled with the items
# unpacked straight from the element): elements that are not tuples, tuples
# of the wrong length, items changing class mid-loop, the list mutated
# while iterating, attributes deleted/added/retyped, math.sqrt rebound, a
# __dict__ replaced.
import math


class P:
    def __init__(self, x, v):
        self.x = x
        self.v = v


class Q:
    def __init__(self, x, v):
        self.x = x
        self.v = v


def step(pairs, n, hook=None):
    t = 0.0
    for k in range(n):
        for a, b in pairs:
            d = a.x - b.x
            m = math.sqrt(d * d + 1.0)
            a.v -= d / m
            b.v += d / m
            t += a.v - b.v
        if hook is not None:
            hook(k, pairs)
    return t


def mk(n):
    ps = [P(float(i), 0.0) for i in range(n)]
    return ps, [(ps[i], ps[j]) for i in range(n) for j in range(i + 1, n)]


ps, pairs = mk(4)
print("plain", round(step(pairs, 300), 6))

# An element that is a list, then a 3-tuple, then a non-sequence.
ps, pairs = mk(4)
def hook1(k, pairs):
    if k == 150:
        pairs[2] = [pairs[2][0], pairs[2][1]]
    if k == 200:
        pairs[3] = pairs[3] + (None,)
print("list element", round(step(pairs, 190, hook1), 6))
try:
    step(pairs, 230, hook1)
except ValueError as e:
    print("ValueError", e)
pairs[3] = 5
try:
    step(pairs, 10)
except TypeError as e:
    print("TypeError", e)

# Items changing class, attributes deleted / added / retyped.
ps, pairs = mk(4)
def hook2(k, pairs):
    if k == 100:
        ps[1].__class__ = Q
    if k == 150:
        ps[2].x = 7  # an int now
    if k == 180:
        del ps[3].v
        ps[3].w = 1.0
        ps[3].v = 2.5
    if k == 220:
        ps[0].__dict__ = {"v": 1.0, "x": -3.0}
print("class/attrs", round(step(pairs, 300, hook2), 6))
try:
    def hook3(k, pairs):
        if k == 50:
            del ps[2].x
    step(pairs, 100, hook3)
except AttributeError as e:
    print("AttributeError", e)

# math.sqrt rebound mid-loop.
ps, pairs = mk(3)
real = math.sqrt
def hook4(k, pairs):
    if k == 120:
        math.sqrt = lambda z: 2.0
    if k == 200:
        math.sqrt = real
print("sqrt rebound", round(step(pairs, 300, hook4), 6))
math.sqrt = real

# The list mutated inside the inner loop: shrinking, growing, replaced items.
xs = [(i, i * 2) for i in range(50)]
seen = []
for a, b in xs:
    seen.append(a + b)
    if a == 10:
        del xs[20:]
    if a == 5:
        xs[7] = ("s", "t")
print("mutated", len(seen), seen[:12], seen[-3:])
xs = [(i, -i) for i in range(5)]
out = []
for a, b in xs:
    out.append((a, b))
    if len(xs) < 400:
        xs.append((b, a))
print("grown", len(out), out[-2:])

# Tuples of tuples; the targets read after the loop; the loop variable
# reused; a nested tuple target.
tt = tuple((i, float(i) / 3) for i in range(200))
s = 0.0
for i, f in tt:
    s += i * f
print("tuple of tuples", round(s, 6), i, round(f, 6))
acc = 0
for (a, b), c in [((i, i + 1), i * 3) for i in range(300)]:
    acc += a * b - c
print("nested", acc, a, b, c)


# Objects whose last reference is the pair tuple: the items stay alive while
# bound to the loop targets; __del__ order.
class D:
    def __init__(self, n, log):
        self.n = n
        self.log = log
    def __del__(self):
        self.log.append(self.n)


log = []
ds = [(D(i, log), D(-i, log)) for i in range(100)]
tot = 0
for a, b in ds:
    tot += a.n - b.n
print("del", tot, a.n, b.n, len(log))
del a, b
ds = None
print("after", len(log), sorted(log)[:3])
