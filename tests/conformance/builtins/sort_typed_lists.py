# Sorting lists of ints, floats and bools (stored unboxed), and lists of
# lists compared item by item.
import random
random.seed(3)

ints = [random.randrange(-50, 50) for _ in range(40)]
print(sorted(ints))
print(sorted(ints, reverse=True))
a = ints[:]
a.sort()
print(a == sorted(ints), a[:5])
a.sort(reverse=True)
print(a[:5])
print(sorted([2 ** 62, -2 ** 63, 2 ** 63 - 1, 0, -1]))

# -0.0 and 0.0 are equal: a stable sort keeps their order, reversed too.
fl = [0.0, -0.0, 1.5, -0.0, 0.0, -2.5, 1.5, float("inf"), -float("inf")]
print(sorted(fl))
print(sorted(fl, reverse=True))
b = fl[:]
b.sort(reverse=True)
print(b)
nan = float("nan")
withnan = [3.0, nan, 1.0, 2.0]
print(sorted(withnan), sorted(withnan, reverse=True))
c = withnan[:]
c.sort()
print(c)

bools = [True, False, True, True, False]
print(sorted(bools), sorted(bools, reverse=True))
d = bools[:]
d.sort(reverse=True)
print(d)
print(sorted([True, 1, False, 0, 2]), sorted([1, True, 0, False]))
print(sorted([1, 2.5, -1, 0.5]), sorted([]), sorted([7]))

# The sorted copy is a new list; the original is unchanged.
src = [3, 1, 2]
out = sorted(src)
out.append(9)
print(src, out)
e = [5, 4, 3]
e.sort()
e.append(0)
print(e, sorted(e))

# reverse is taken as an int.
class Weird:
    def __bool__(self):
        raise ValueError("no truth")
class Idx:
    def __index__(self):
        return 1
for rev in (Weird(), None, 2.5, "x", Idx(), 0, True):
    for data in ([1, 3, 2], ["b", "a"]):
        try:
            print(sorted(data, reverse=rev))
        except (TypeError, ValueError) as ex:
            print(type(ex).__name__, ex)
        try:
            data.sort(reverse=rev)
            print(data)
        except (TypeError, ValueError) as ex:
            print(type(ex).__name__, ex)

# Lists of lists: item by item, the shorter first on a tie.
rows = [[i % 5, -i, "x" * (i % 3)] for i in range(20)]
print(sorted(rows)[:6])
print(sorted([[1, 2], [1], [], [1, 2, 0], [0, 9]]))
print([1, 2] < [1, 2, 3], [1, 2] == [1, 2.0], [1, [2, 3]] < [1, [2, 4]], [nan] == [nan])
x = [nan]
print(x == x, [x[0]] == x, [1, "a"] < [1, "b"])
try:
    print([1, "a"] < [1, 2])
except TypeError as ex:
    print("TypeError", ex)

# An __eq__ that empties the other list while they are compared.
class Shrink:
    def __init__(self, other):
        self.other = other
    def __eq__(self, o):
        self.other.clear()
        return True
    __hash__ = None
p = [0, 1, 2]
q = [Shrink(p), 5, 6]
print(q == [0, 1, 2] or "no", p)
p = [0, 1, 2]
print([Shrink(p), 1] < p, p)

# Tuples compared past equal first items.
pairs = [(i % 3, str(i % 7), i) for i in range(30)]
print(sorted(pairs)[:8])
print(sorted([(1, 2.0), (1, nan), (0, 5)]))
