# zip/enumerate over lists in hot loops: unequal lengths, mutation during
# iteration, type changes of elements, huge enumerate counters, strict zip.
def dot(xs, ys):
    total = 0.0
    for x, y in zip(xs, ys):
        total += x * y
    return total

a = [float(i) for i in range(50)]
b = [float(i) * 0.5 for i in range(40)]
for _ in range(300):
    r = dot(a, b)
print(r)
# an int sneaks into the float list
b[7] = 3
print(dot(a, b))
b[8] = "x"
try:
    dot(a, b)
except TypeError as e:
    print("TypeError:", e)

def triple(xs, ys, zs):
    out = []
    for x, y, z in zip(xs, ys, zs):
        out.append(x + y + z)
    return out

for _ in range(200):
    t = triple([1, 2, 3, 4], [10, 20, 30], [100, 200, 300, 400, 500])
print(t)

# the iterators before the exhausted one are advanced, as zip does
it1 = iter([1, 2, 3])
it2 = iter([4])
print(list(zip(it1, it2)), list(it1))

def enum_sum(xs):
    s = 0
    for i, x in enumerate(xs):
        s += i * x
    return s

for _ in range(300):
    v = enum_sum(list(range(30)))
print(v)
print(list(enumerate(["a", "b"], 2**63 - 2)))

def enum_big(xs):
    out = []
    for i, x in enumerate(xs, 2**63 - 3):
        out.append(i)
    return out
for _ in range(200):
    eb = enum_big([1, 2, 3, 4, 5])
print(eb)

def grow(xs):
    n = 0
    for i, x in enumerate(xs):
        if len(xs) < 100:
            xs.append(x + 1)
        n += 1
    return n
for _ in range(100):
    g = grow([0, 1])
print(g)

def strict_zip(xs, ys):
    s = 0
    for x, y in zip(xs, ys, strict=True):
        s += x - y
    return s
for _ in range(200):
    sz = strict_zip([1, 2, 3], [3, 2, 1])
print(sz)
try:
    strict_zip([1, 2, 3], [1, 2])
except ValueError as e:
    print("ValueError:", e)

def pairs_used_later(xs, ys):
    last = None
    for pair in zip(xs, ys):
        last = pair
    return last
for _ in range(200):
    p = pairs_used_later([1, 2], [3, 4])
print(p)
