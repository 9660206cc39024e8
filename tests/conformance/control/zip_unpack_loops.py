# for-loops unpacking zip() items: lists, tuples and ranges of unequal
# lengths (what each iterator consumed), lists changed while zipped,
# shared iterators, strict zips, other iterables, and unpacking errors.
a = [1, 2, 3, 4]
b = (10, 20, 30)
for x, y in zip(a, b):
    print(x, y, end="; ")
print()
ia, ib = iter(a), iter(range(2))
for x, y in zip(ia, ib):
    print(x, y, end="; ")
print("| left in a:", list(ia))
ia, ib = iter(range(2)), iter(a)
for x, y in zip(ia, ib):
    pass
print("left in b:", list(ib))
grow = [1, 2, 3]
for x, y in zip(grow, range(6)):
    if len(grow) < 6:
        grow.append(x * 10)
print(grow, x, y)
shrink = [1, 2, 3, 4, 5]
for x, y in zip(shrink, shrink):
    shrink.pop()
    print(x, y, end="; ")
print()
it = iter([1, 2, 3, 4, 5, 6])
for x, y in zip(it, it):
    print((x, y), end=" ")
print()
for x, y, z in zip("abc", [1, 2, 3], range(3)):
    print(x, y, z, end="; ")
print()
try:
    for x, y in zip([1, 2], [3], strict=True):
        print("strict", x, y)
except ValueError as e:
    print("ValueError:", e)


def gen():
    yield from (7, 8)


for x, y in zip(gen(), [1, 2, 3]):
    print("gen", x, y)
try:
    for x, y in zip([1, 2], [3, 4], [5, 6]):
        pass
except ValueError as e:
    print("ValueError:", e)
try:
    for (x, y), z in zip([(1, 2), (3,)], [0, 0]):
        print(x, y, z)
except ValueError as e:
    print("ValueError:", e)
pairs = list(zip(range(3), range(3, 6)))
for p in zip(range(2), range(2)):
    print("tuple target", p)
for x, y in pairs:
    print(x + y, end=" ")
print()
t = 0.0
for u, v in zip([0.5, 1.5, 2.5], [2, 4, 6]):
    t += u * v
print(t)
total = 0
for i in range(200):
    for x, y in zip(range(i % 5), [i] * 5):
        total += x * y
print(total)
