# Lists of ints, floats and bools store raw payloads (storage strategies);
# any other value generalizes them. Hot loops read, write, iterate and
# zip such lists while their kind changes under them.
import gc
import math

N = 3000


def fill_then_mix(kind_value, intruder, at):
    xs = [kind_value] * N
    for i in range(N):
        if i == at:
            xs[i] = intruder
        else:
            xs[i] = xs[i]
    return xs


def describe(xs):
    kinds = {}
    for x in xs:
        t = type(x).__name__
        kinds[t] = kinds.get(t, 0) + 1
    return sorted(kinds.items())


# An int list that gets a float, a bool, a big int, None mid-loop.
for intruder in (2.5, True, 2 ** 70, None, -0.0, "s"):
    xs = fill_then_mix(7, intruder, N // 2)
    print(repr(intruder), describe(xs), xs[N // 2 - 1 : N // 2 + 2])

# A float list that gets an int; a bool list that gets an int.
ys = fill_then_mix(1.5, 3, 10)
print(describe(ys), ys[9:12])
bs = fill_then_mix(False, 1, 5)
print(describe(bs), bs[4:7], sum(bs))
print([True, 1], [1, True], [1.0, 1], [True, 1] == [1, True], [0.0] == [-0.0])


def store_loop(xs, make):
    for i in range(len(xs)):
        xs[i] = make(i)
    return xs


# Stores of known ints, floats and bools into lists of every kind.
for start in (0, 0.0, False, None):
    a = store_loop([start] * N, lambda i: i * 3)
    b = store_loop([start] * N, lambda i: i / 4)
    c = store_loop([start] * N, lambda i: i % 3 == 0)
    print(repr(start), a[-3:], b[-3:], c[-3:], describe(a), describe(b), describe(c))


def typed_stores(n):
    ints = [0] * n
    floats = [0.0] * n
    flags = [True] * n
    for i in range(n):
        ints[i] = i * i
        floats[i] = i * 0.5
        flags[i] = i % 7 != 0
        if i == n - 5:
            ints[i] = 1.25
            floats[i] = i
            flags[i] = 0
    return ints[-6:], floats[-6:], flags[-6:], describe(ints), describe(floats), describe(flags)


print(typed_stores(N))


# Reads: the profile says float, then the list holds an int.
def total(xs):
    t = 0.0
    for i in range(len(xs)):
        t += xs[i]
    return t


fl = [0.5] * N
print(total(fl))
fl[N - 1] = 7
print(total(fl))
fl[N - 1] = None
try:
    total(fl)
except TypeError as e:
    print("TypeError", e)


# Iteration while the list changes kind (appending to it).
def iterate_and_grow(xs):
    out = 0
    for x in xs:
        out += 1
        if len(xs) < N + 3:
            xs.append(x + 0.5 if out % 2 else x)
    return out, xs[-4:]


print(iterate_and_grow(list(range(N))))


# zip and enumerate over typed lists of different kinds.
def dot(xs, ys):
    t = 0.0
    for x, y in zip(xs, ys):
        t += x * y
    return t


ints = list(range(N))
floats = [i * 0.25 for i in range(N)]
print(dot(ints, floats), dot(floats, floats), dot(ints, ints))
floats[N // 3] = 2  # generalized: still the same sum
print(dot(ints, floats))
floats[N // 3] = "x"
try:
    dot(ints, floats)
except TypeError as e:
    print("TypeError", e)


def enum_flags(flags):
    c = 0
    for i, f in enumerate(flags):
        if f:
            c += i
    return c


flags = [i % 3 == 0 for i in range(N)]
print(enum_flags(flags))
flags[3] = 0
flags[6] = 2
print(enum_flags(flags), flags[:8])


def zip_mixed(xs, ys):
    out = []
    for a, b in zip(xs, ys):
        out.append((a, b))
    return out[:3], out[-2:]


print(zip_mixed([1, 2.5, None] * 1000, [True] * 3000))

# Aliases see every change; identity of the list is kept.
a = [1, 2, 3]
b = a
b[0] = 1.5
a.append(None)
print(a, b, a is b, id(a) == id(b))

# Special floats keep their bits.
nan = float("nan")
fs = [nan, -0.0, 0.0, math.inf, -math.inf, 1e308 * 10]
print(fs, fs[0] is nan, math.copysign(1.0, fs[1]), fs.count(nan), nan in fs, fs.index(-0.0))
print(sorted([0.0, -0.0, 1.0, -1.0]), sorted([-0.0, 0.0]), sorted([3, 1, 2]), sorted([True, False, True]))
zs = [2.0, -0.0, 0.0, 1.0, -0.0]
zs.sort()
print(zs, [math.copysign(1, z) for z in zs])
zs.sort(reverse=True)
print(zs, [math.copysign(1, z) for z in zs])

# Huge ints and ints near the limits.
big = [2 ** 63 - 1, -(2 ** 63)]
big.append(big[0] + 1)
print(big, [x - 1 for x in big], sum(big))

# Operations on typed lists.
li = list(range(10))
print(li[2:5], li[::3], li[::-1], li * 2, li + [1.5], li + li, [1.5] + [2.5], [True] + [False])
li[2:4] = [None, 2.5, 3]
print(li)
del li[0]
del li[::2]
print(li, li.pop(), li.pop(0), li)
li.insert(1, 4.5)
li.remove(4.5)
li.reverse()
print(li, 3 in li, li.index(3), li.count(3))
li *= 2
li += [True]
print(li, len(li), min(ints), max(floats[:10]), sum(floats[:10]))
em = []
em.append(1.0)
em.append(2)
em.append(True)
print(em, [x for x in em])
em.clear()
em.append(5)
em.extend([6, 7])
print(em, em == [5, 6, 7], em < [5, 6, 8], em.copy(), list(em), tuple(em))
bl = [True] * 5
bl[1] = False
print(bl, sum(bl), bl.count(True), any(bl), all(bl), [not x for x in bl])
print(str([1, 2]), repr([0.1, 1e20]), [[1, 2], [3.5]])

# A cycle through a list that was typed.
c = [1, 2, 3]
c.append(c)
print(c)
del c
gc.collect()


# Recursion building typed lists.
def build(n):
    if n == 0:
        return []
    xs = build(n - 1)
    xs.append(n * 0.5 if n % 50 else n)
    return xs


r = build(400)
print(len(r), r[:3], r[48:51], describe(r))


# Out-of-range accesses in compiled loops over typed lists.
def oob(xs, k):
    s = 0
    for i in range(k):
        s += xs[i]
    return s


try:
    oob([1] * 100, N)
except IndexError as e:
    print("IndexError", e)
try:
    store_loop([1.0] * 5, lambda i: i) and oob([1.0] * 5, 6)
except IndexError as e:
    print("IndexError", e)
