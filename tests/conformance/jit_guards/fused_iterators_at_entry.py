# Loops over a zip or enumerate of lists made before the loop (a
# comprehension's iterator, an iterator made outside the loop, one already
# partly consumed, one shared between loops): compiled fused with the
# unpacking of their items, they must iterate as the interpreter does.


def comp_enum(xs):
    return [i * 10 + x for i, x in enumerate(xs)]


def comp_zip(a, b, c):
    return [x + y * z for x, y, z in zip(a, b, c)]


def loop_over(it):
    out = []
    for i, x in it:
        out.append((i, x))
        if len(out) == 3000:
            break
    return out


xs = list(range(5000))
print(sum(comp_enum(xs)), comp_enum([7, 8, 9]), comp_enum([]))
print(sum(comp_zip(xs, xs[::-1], [2] * 4000)), comp_zip([1.5], [2.5], [3.5]))

# Partly consumed before the loop, then finished after a break.
it = enumerate(xs)
next(it)
next(it)
r = loop_over(it)
print(r[0], r[-1], len(r), next(it), len(list(it)))
it = zip(xs, [str(i) for i in range(4000)])
next(it)
r = loop_over(it)
print(r[0], r[-1], next(it), len(list(it)))

# Start values: negative, near the int64 limit (the count becomes a big int).
print(loop_over(enumerate(xs, -5))[:3])
big = loop_over(enumerate(xs, 2**63 - 1500))
print(big[0], big[1499], big[1500], big[-1])
print(loop_over(enumerate(xs, 2**70))[-1])


# The list changes while iterated (appended to, shrunk, items replaced with
# other types).
def mutate(lst):
    out = []
    for i, x in enumerate(lst):
        if i == 100:
            lst.append(-1)
        if i == 200:
            del lst[-3000:]
        if i == 50:
            lst[60] = "sixty"
        out.append(x)
    return out


m = mutate(list(range(4000)))
print(len(m), m[55:62], m[-3:])


def zmut(a, b):
    out = 0
    for x, y in zip(a, b):
        if x == 10:
            b.pop()
            a.append(99)
        out += x * y if isinstance(y, int) else 1
    return out


print(zmut(list(range(3000)), list(range(2500))))


# Element types that change inside the loop (ints, then floats, then strs).
def kinds(lst):
    t = 0.0
    n = 0
    for i, v in enumerate(lst):
        if isinstance(v, str):
            n += len(v)
        else:
            t += v * i
    return t, n


print(kinds(list(range(2000)) + [0.5] * 2000 + ["ab"] * 100))


# One iterator, two loops; and a generator inside (not fused).
it = enumerate(list(range(6000)))
first = [i for i, _ in zip(range(2500), it)]
rest = [x for i, x in it]
print(len(first), first[-1], len(rest), rest[0])
print(sum(i * x for i, x in enumerate(v * 2 for v in range(3000))))
print([(i, s) for i, s in enumerate("abc")], [p for p in zip((1, 2), [3, 4])])
# zip of five lists and a strict zip: the general path.
print(sum(a + b + c + d + e for a, b, c, d, e in zip(xs, xs, xs, xs, xs)))
try:
    print(sum(a * b for a, b in zip(xs, xs[:-1], strict=True)))
except ValueError as e:
    print("ValueError", e)


# One list iterator twice in a zip (pairs), made outside the loop.
def pairs_of(it):
    return [(x, y) for x, y in zip(it, it)]


print(pairs_of(iter(list(range(3000))))[-2:], pairs_of(iter([1, 2, 3, 4, 5])))
