# Compile-time heuristics must not change behaviour.
# `fnfirst`: a loop in a function called often is left to the function's
# whole-body compilation; a long call of such a function still gets its
# loop compiled. `quickloopless`: functions without loops are compiled
# without Cranelift's optimisations.


def total(xs):
    s = 0
    for x in xs:
        s += x
    return s


# Short loops, many calls: the function gets compiled whole.
acc = 0
for k in range(3000):
    acc += total([k, 1, 2])
print("ints", acc)

# Then the element type changes mid-loop (guards in the whole-function code).
print("floats", total([1, 2.5, 3]))
print("strs", total.__name__, sum(len(str(total([1, 2]))) for _ in range(10)))
try:
    total([1, 2, "x", 4])
except TypeError as e:
    print("TypeError", e)


def count_until(n, bad):
    s = 0
    i = 0
    while i < n:
        if i == bad:
            raise ValueError("bad %d" % i)
        s += i * 2
        i += 1
    return s


# Called often with short loops, then long calls: one whose loop runs
# 200000 times (deferred, then compiled alone), one raising deep inside.
c = 0
for k in range(400):
    c += count_until(3, -1)
print("short", c)
print("long", count_until(200000, -1))
try:
    count_until(150000, 123456)
except ValueError as e:
    print("ValueError", e)
print("after", count_until(10, -1))


def walk(limit):
    # A generator calling the function from its loop.
    for k in range(limit):
        yield total((k, k))


print("gen", sum(walk(2000)))


# Loopless functions: argument types change after they are compiled.
def combine(a, b):
    return a * 2 + b


r = 0
for k in range(3000):
    r += combine(k, 1)
print("combine ints", r)
print("combine floats", combine(1.5, 0.25))
print("combine strs", combine("ab", "c"))
print("combine lists", combine([1], [2]))
try:
    combine(None, 1)
except TypeError as e:
    print("TypeError", e)


# A loopless recursive function, deep.
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


for k in range(1200):
    depth(5)
print("depth", depth(800))


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


print("ack", ack(2, 300))


class P:
    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x


def get_x(p):
    return p.get() + 1


s = 0
for k in range(3000):
    s += get_x(P(k))
print("method", s)


class Q(P):
    def get(self):
        return -self.x


print("override", get_x(Q(5)), get_x(P(5.5)))
