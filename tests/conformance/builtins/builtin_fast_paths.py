# chr, str(int), set(list/tuple), list(reversed(list)), map over one
# iterable, and sorting strs: the fast paths give CPython's results.

# chr: ASCII, latin-1, BMP, astral, surrogates, errors
print([chr(i) for i in (0, 9, 65, 127)], chr(65) is chr(65))
print(chr(128), chr(255), chr(0x3b1), chr(0x1F600), len(chr(0x10FFFF)))
print(repr(chr(0xD800)), len(chr(0xDFFF)), ord(chr(0xDC80)))
print(ascii(chr(0xD800) + chr(0xDC00)))
for bad in (-1, 0x110000, 2**63, 2**70, -2**70):
    try:
        chr(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for bad in ("a", 1.5, None):
    try:
        chr(bad)
    except TypeError as e:
        print("TypeError", e)
print(chr(True), chr(False) == "\x00")

class Idx:
    def __index__(self):
        return 97
print(chr(Idx()))

# str(int): signs, extremes, one digit
edge = [0, 1, -1, 9, -9, 10, -10, 99, 2**63 - 1, -2**63, 10**18, -10**18 + 1]
print([str(i) for i in edge])
print(str(2**64), str(-2**64), str(True), str(False))
print("".join(str(i) for i in range(-15, 16)))
print(sum(len(str(i)) for i in range(100000)))

# str() and formatting of builtin subclasses: their __str__/__repr__ shows
class MyInt(int):
    def __repr__(self):
        return "MyInt!"
class MyF(float):
    def __repr__(self):
        return "MyF!"
class MyS(str):
    def __str__(self):
        return "MyS-str"
class MyI2(int):
    def __str__(self):
        return "I2-str"
a = MyInt(7)
print(str(a), "%s" % a, "%s" % (a,), "%d" % a, f"{a}", f"{a:d}", f"{a:5}", format(a), format(a, ""), "{}".format(a), "{:x}".format(a))
b = MyF(1.5)
print(str(b), "%s" % b, f"{b}", f"{b:.2f}", format(b), "{}".format(b))
c = MyS("x")
print(str(c), "%s" % c, f"{c}", f"{c:3}|", format(c), "{}".format(c), f"{c!s}")
d = MyI2(3)
print(str(d), "%s" % d, f"{d}", f"{d:3}", format(d), "{}".format(d), repr(d))
print("%s|%r|%d" % (a, a, a), b"%d" % MyInt(4), "%5s|%-4d|" % (MyInt(1), MyInt(2)))

# set from lists and tuples: duplicates, unhashables, mutation by __hash__
print(sorted(set([3, 1, 2, 3, 1])), sorted(set((5, 5, 4))), set([]), set(()))
print(len(set(list(range(100000)) * 2)), len(set(tuple(range(50000)))))
print(set([1, 1.0, True]), set(["a", "b", "a"]) == {"a", "b"})
try:
    set([1, [2], 3])
except TypeError as e:
    print("TypeError", e)

grow = [1, 2]
class Grower:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        if len(grow) < 6:
            grow.append(Grower(len(grow) + 10))
        return self.n
    def __eq__(self, other):
        return isinstance(other, Grower) and other.n == self.n
    def __repr__(self):
        return "G%d" % self.n
grow.append(Grower(3))
print(sorted(set(grow), key=lambda g: g.n if isinstance(g, Grower) else g), len(grow))

shrink = [0, 1, 2, 3, 4, 5]
class Shrinker:
    def __hash__(self):
        del shrink[3:]
        return 7
shrink.insert(1, Shrinker())
print(len(set(shrink)), len(shrink))
s = {1, 2}
s.update([2, 3], (4, 4))
print(sorted(s), frozenset([1, 2, 2]) == frozenset((2, 1)))
s = set(range(10))
for i in range(0, 10, 2):
    s.discard(i)
s.update([0, 2, 100])
print(sorted(s))

# list(reversed(...)) of lists of each kind, partly consumed, shrunk, grown
for L in ([1, 2, 3], [1.5, 2.5], [True, False, True], ["a", None, 3], []):
    r = reversed(L)
    print(list(r), list(r))
L = [1, 2, 3, 4, 5]
r = reversed(L)
next(r)
print(list(r))
r = reversed(L)
del L[2:]
print(list(r))
L = [1, 2, 3]
r = reversed(L)
L.append(4)
print(list(r), list(reversed((1, 2, 3))), list(reversed(range(4))))
class Sub(list):
    def __reversed__(self):
        return iter(["custom"])
print(list(reversed(Sub([1, 2]))))

# map over one iterable and over several
print(list(map(len, ["", "ab", "abc"])), list(map(str, range(3))), list(map(abs, [-1, 2, -3])))
print(list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b, c: a + b + c, "ab", "cd", "efg")))
def stopper(x):
    if x == 3:
        raise StopIteration
    return x * 10
print(list(map(stopper, [1, 2, 3, 4])))
m = map(int, ["1", "x", "3"])
print(next(m))
try:
    next(m)
except ValueError as e:
    print("ValueError", e)
print(next(m))
try:
    list(map(len, [1]))
except TypeError as e:
    print("TypeError", e)
it = iter([1, 2, 3])
print(list(map(lambda x: x + next(it, 0), it)))

# sorting strs: common prefixes of 8 bytes and more, empty strs,
# non-ASCII, keys, reverse, stability
words = ["abcdefgh", "abcdefghi", "abcdefgg", "abcdefgh\x00", "abcdefg", "", "b", "abcdefghij" * 3,
         "abcdefghij" * 3 + "a", "ab", "a\x00", "a", "é", "z", "\x7f", "ÿ", "Ā", "😀", "\uffff", "abcdefgh"]
print(sorted(words))
print(sorted(words, reverse=True))
print(sorted(words, key=len))
print(sorted(str(i) for i in range(0, 2000, 37)))
print(sorted(["%08d" % i for i in (5, 3, 12345678, 9, 12345677)]))
print(min(words), max(words))
