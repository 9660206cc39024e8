# d[i] and d[i] = v with int keys in compiled loops: keys equal to the int
# but of another type (float, bool, an int subclass, an object with
# __eq__), hash collisions (-1 and -2 hash alike), big ints, missing keys.
class Key:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return hash(self.n)

    def __eq__(self, other):
        print("eq called", self.n, other)
        return self.n == other


class MyInt(int):
    pass


def lookups(d, keys):
    total = 0
    for k in keys:
        try:
            v = d[k]
        except KeyError as e:
            print("KeyError", repr(e))
            continue
        total += v if isinstance(v, int) else len(v)
    return total


d = {i: i * 10 for i in range(50)}
print(lookups(d, list(range(50)) * 4))
d[-1] = 7
d[-2] = 8
print(lookups(d, [-1, -2, -1, -2] * 10))
d[2**61 - 1] = 1
d[2**61] = 2
d[2**64] = 3
print(lookups(d, [2**61 - 1, 2**61, 2**64, -(2**61), 0] * 5))
f = {1.0: 100, 2: 200, True: "t"}
print(f, lookups(f, [1, 2, 1, 2, 0] * 8))
g = {Key(3): "three", 4: 40}
print(lookups(g, [4, 4, 3, 4, 5] * 3))
h = {MyInt(5): 50, 6: 60}
print(lookups(h, [5, 6] * 20))


def stores(d, n):
    for i in range(n):
        d[i % 7] = d[i % 7] + i
    return d


print(stores({i: 0 for i in range(7)}, 300))
print(stores({0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0.5}, 300))
e = {i: 0 for i in range(6)}
try:
    stores(e, 300)
except KeyError as ex:
    print("KeyError", ex, e)
big = {i: i for i in range(1000)}
print(sum(lookups(big, range(0, 1000, 3)) for _ in range(3)))
