# Sorting where Python's `<` is not a consistent order (NaNs among floats,
# an __lt__ that answers at random or always True) must still finish, with
# every item kept; consistent orders sort as CPython does, stably, with
# keys, reversed, and an error in __lt__ propagating.
import random

random.seed(11)
nan = float("nan")
xs = [random.choice([nan, random.random(), -0.0, 0.0]) for _ in range(4000)]
r = sorted(xs)
print(len(r), sum(1 for x in r if x != x), sorted(x for x in r if x == x) == sorted(x for x in xs if x == x))
xs.sort(reverse=True)
print(len(xs))


class Coin:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return random.random() < 0.5


coins = [Coin(i) for i in range(3000)]
coins.sort()
print(len(coins), sorted(c.v for c in coins) == list(range(3000)))


class Always:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return True


al = sorted(Always(i) for i in range(500))
print(len(al), sorted(a.v for a in al) == list(range(500)))

mixed = [random.choice([1, 2.5, nan, True, -3]) for _ in range(2000)]
print(len(sorted(mixed)), len(sorted(mixed, key=lambda v: -v if v == v else v)))

# Consistent orders: exactly CPython's result.
words = ["pear", "fig", "apple", "kiwi", "date", "plum", "lime", "banana"] * 3
print(sorted(words))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
pairs = [(i % 3, -i) for i in range(30)]
print(sorted(pairs))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted([3.5, -1.0, 2.25, -0.0, 0.0, 1e308, -1e308]))
print(sorted(range(20), key=lambda i: (i % 4, -i)))
print(sorted(zip([1.5, 0.5, 1.5, -2.0, 0.5, -0.0, 0.0], "gfedcba")))
print(sorted([("b", 2), ("a", 3), ("b", 1), ("ä", 0), ("a", 3.5), ("", 9)]))
print(sorted([(2,), (1, 5), (1,), (), (1, 4, 0)]))
print(sorted([(1, "x"), (1.0, "w"), (True, "v"), (0.5, "u")]))


class Boom:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        if self.v == 7 or other.v == 7:
            raise ValueError("no order for 7")
        return self.v < other.v


try:
    sorted(Boom(i) for i in range(50))
except ValueError as e:
    print("ValueError", e)
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError", e)
lst = [5, 3, 1]


class Mut:
    def __lt__(self, other):
        lst.append(0)
        return False


try:
    lst.sort(key=lambda x: Mut())
except ValueError as e:
    print("ValueError", e)
