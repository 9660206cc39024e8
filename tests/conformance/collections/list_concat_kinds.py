# List concatenation and repetition across element kinds (ints, floats,
# bools, objects, mixed), a list with itself, empty lists, and lists large
# enough for the allocator's large-block path.
import gc

cases = [
    ([1, 2, 3], [4, 5]),
    ([1.5, -0.0], [float("inf"), 2.25]),
    ([True, False], [True]),
    (["a", None], [(1,), "b"]),
    ([1, 2], [2.5, 3.5]),
    ([1.0], [1]),
    ([True], [1, 2]),
    ([], [7, 8]),
    ([9], []),
    ([], []),
    ([1, "x"], [2, 3]),
]
for a, b in cases:
    c = a + b
    print(c, len(c), [type(x).__name__ for x in c])
    a.append(0)
    print(c == a[:-1] + b, a)

x = [1, 2, 3]
print(x + x, x)
y = [[0]] * 3
z = y + y
z[0][0] = 5
print(z, y)
w = [0.5] * 4
w = w + w
w[1] = "s"
print(w)

big = list(range(1000000))
both = big + big
print(len(both), both[999999], both[1000000], both[-1], sum(both) % 1000003)
objs = [str(i) for i in range(300000)]
twice = objs + objs
print(len(twice), twice[0], twice[300000], twice[-1], gc.is_tracked(twice))
rep = [None, 1] * 2000000
print(len(rep), rep[-1], rep[-2], rep.count(None))
fl = [0.25] * 3000000 + [0.5] * 1000000
print(len(fl), sum(fl))
del big, both, objs, twice, rep, fl
t = tuple(range(500000)) * 3
print(len(t), t[500000], t[-1])


# A large tuple releases its items last first, as a small one does.
class Noisy:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


tt = tuple(Noisy(i) for i in range(7))
del tt
tt = (Noisy("a"), Noisy("b"))
del tt
print("end")
