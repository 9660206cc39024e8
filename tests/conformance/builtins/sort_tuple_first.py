# Sorting tuples by their first items (ints, floats, strs) and the rest on
# ties: the same order, stability and errors as CPython's sort.
import random
random.seed(5)
ints = [(random.randint(-5, 5), i) for i in range(300)]
print(sorted(ints)[:12], sorted(ints, reverse=True)[:6])
big = [(random.randint(-2**63, 2**63 - 1), i) for i in range(200)]
print(sorted(big) == sorted(big, key=lambda t: (t[0], t[1])), sorted(big)[0][1], sorted(big)[-1][1])
floats = [(random.choice([0.0, -0.0, 1.5, -1.5, float("inf"), float("-inf"), 1e-300, -1e-300]), i) for i in range(200)]
sf = sorted(floats)
print([(repr(a), b) for a, b in sf[:10]])
print([repr(a) for a, _ in sf[::20]])
zeros = [(0.0, "a"), (-0.0, "b"), (0.0, "c"), (-0.0, "d")]
print([(repr(a), b) for a, b in sorted(zeros, key=lambda t: t[:1])], [(repr(a), b) for a, b in sorted(zeros)])
words = ["abcdefgh", "abcdefghi", "abcdefgg", "ab", "", "abcdefgh\x00", "é", "z", "abcdefgh"]
strs = [(w, i) for i, w in enumerate(words)] + [(w, -i) for i, w in enumerate(words)]
print(sorted(strs))
d = {("k%03d" % (i * 37 % 101)): i for i in range(101)}
print(sorted(d.items())[:5], sorted(d.items(), reverse=True)[:3])
nan = float("nan")
print(sorted([(1.0, 1), (nan, 2), (0.5, 3)])[0][1], len(sorted([(nan, i) for i in range(5)])))
mixed = [(1, "a"), (1.5, "b"), (0, "c"), (True, "d"), (-1, "e")]
print(sorted(mixed))
print(sorted([(2,), (1, 2), (1,), (), (1, 1)]))
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print("TypeError", e)
try:
    sorted([("a", 1), (1, 2), ("b", 3)])
except TypeError as e:
    print("TypeError", e)
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v > other.v
    def __repr__(self):
        return "K%d" % self.v
print(sorted([(1, K(1)), (0, K(5)), (1, K(3)), (1, K(2))]))
rows = [("x", i % 3, i) for i in range(30)]
print(sorted(rows, key=lambda r: (r[1], -r[2]))[:5])
lst = [(3, "c"), (1, "a"), (2, "b"), (1, "z")]
lst.sort()
print(lst)
lst.sort(key=lambda t: (t[1],), reverse=True)
print(lst)
