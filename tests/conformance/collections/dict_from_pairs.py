# dict(...) and dict.update(...) from pairs: zips of ranges, lists and
# tuples (each pair without a tuple), tuples, lists and other pairs, and
# their errors.
print(dict(zip("abc", range(3))), dict(zip(["a", "b"], (1, 2, 3))), dict(zip((), [1])))
print(dict(zip(range(5), range(10, 15))), dict(zip([1, 1, 2], "xyz")))
it = iter(range(6))
print(dict(zip(it, it)))
d = {"z": 0}
d.update(zip(["a", "z"], [1, 2]))
print(d)
print(dict([("a", 1), ["b", 2], "cd", (3, 4)]), dict(((i, i * i) for i in range(4))))
print(dict(zip("ab", [1, 2], strict=True)))
try:
    dict(zip("ab", [1], strict=True))
except ValueError as e:
    print("ValueError", e)
for bad in ([("a", 1), ("b",)], [("a", 1, 2)], [1], [("a", 1), 5]):
    try:
        dict(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    dict(zip([[1]], [2]))
except TypeError as e:
    print("TypeError", e)

keys = [0, 1, 2, 3]
vals = [10, 11, 12, 13]
class Grow:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        keys.append(len(keys))
        vals.append(len(vals) + 10)
        del keys[6:]
        return self.n
    def __eq__(self, other):
        return isinstance(other, Grow) and self.n == other.n
    def __repr__(self):
        return "G%d" % self.n
keys.insert(1, Grow(7))
print(dict(zip(keys, vals)), keys, vals)
shrink_k = list(range(8))
class Shrink:
    def __hash__(self):
        del shrink_k[2:]
        return 1
shrink_k.insert(1, Shrink())
print(len(dict(zip(shrink_k, range(100)))))
z = zip([1, 2, 3], "abc")
next(z)
print(dict(z), list(z))
print(dict(zip([1.0, 1, True], "abc")), dict(zip(["x"] * 3, range(3))))
