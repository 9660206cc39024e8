# Fast paths of f-string format specs, %-formatting, str building and
# str methods must give exactly CPython's results and errors.

ints = [0, 5, -5, 7, 42, -42, 123456, -123456, 9223372036854775807, -9223372036854775808, 10**20, -10**20, True, False]
specs = ["06d", "6d", "<6", ">6", "^7", "=8", "+d", "-d", " d", "+06d", "<06d", "^06", "x>8", "0>5", "*^9", "0", "00",
         "05", "_>10", "d", "", "=+7", " 5", "1", "3"]
for x in ints:
    print(repr(x), [f"{x:{s}}" for s in specs])

floats = [0.0, -0.0, 1.5, -1.5, 2.675, 0.125, 0.375, 123.456, -99.95, 1e16, 1e22, 5e-324, 1.7976931348623157e308,
          float("inf"), float("-inf"), float("nan"), 3.0]
fspecs = [".1f", ".2f", ".0f", "f", "10.3f", "<10.2f", "^10.1f", "=+10.2f", "+.1f", " .1f", "010.2f", "_>10,.2f",
          "F", ".3F", "x<12.4f", "08.1f", "-.2f", "z.1f", ",.2f", "_.3f"]
for x in floats:
    print(repr(x), [format(x, s) for s in fspecs])

strs = ["", "a", "ab", "hello", "héllo", "ключ", "x" * 30]
sspecs = ["<6", ">6", "^7", "6", "*^9", ".2", "<8.3", ">1", "s", "10s", "_<4", ".0", "^", "<0"]
for x in strs:
    print(repr(x), [f"{x:{s}}" for s in sspecs])

class S(str):
    def __format__(self, spec):
        return "S(" + spec + ")"

class I(int):
    pass

class F(float):
    def __format__(self, spec):
        return "F" + spec

print(f"{S('ab'):<6}", f"{I(5):06d}", f"{F(1.5):.1f}", f"{I(-7):+5}")

errors = [(5, "06.2d"), (5, "s"), (5, "<06x5"), (1.5, "d"), ("ab", "06"), ("ab", "+5"), ("ab", "=5"), ("ab", "d"),
          (5, ",_d"), (5, "_,d"), (5, ".d"), (1.5, ".f"), ("ab", "#5"), (5, "z5"), (5, "c"), (True, "06.1d"),
          (5, "9" * 30), (1.5, "." + "9" * 30 + "f"), (None, "5")]
for v, s in errors:
    try:
        print(repr(v), s, repr(format(v, s)))
    except (ValueError, TypeError, MemoryError, OverflowError) as e:
        print(repr(v), s, type(e).__name__, e)

# Wide results take the general path.
print(len(f"{5:0200d}"), len(f"{'ab':>300}"), len(f"{1.25:<150.3f}"), f"{2**70:030d}")

# %-formatting
for n in [0, 7, -7, 1234, -1234, 10**20, -10**20, True]:
    print("%d|%04d|%-6d|%+d|% d|%5i|%-+6u|%06d|%.3d|%+05d|%0-5d" % (n, n, n, n, n, n, n, n, n, n, n))
print("%s/%s=%d" % ("oslo", "view", 12), "u%04d" % 7, "%(a)s-%(b)04d" % {"a": "x", "b": 3})
print("%d%%" % 50, "%c%c" % (65, "b"), "%5.1f|%-8.2e|%x|%#o" % (2.25, 12345.678, 255, 8))
for fmt, args in [("%d", "x"), ("%d %d", (1,)), ("%d", (1, 2)), ("%(a)d", (1,)), ("%z", 1), ("%", 1), ("%d", 1.5),
                  ("%04d", 2.7), ("%(a)d %(b)d", {"a": 1}), ("%d", [1])]:
    try:
        print(repr(fmt), repr(fmt % args))
    except (TypeError, ValueError, KeyError) as e:
        print(repr(fmt), type(e).__name__, e)

# BuildString: ASCII and non-ASCII parts, short and long results.
for a, b in [("a", "b"), ("é", "x"), ("x" * 40, "y" * 40), ("", ""), ("ключ", "" ), ("a" * 21, "b")]:
    s = f"{a}:{b}"
    print(s, len(s), s.upper(), s[::-1][:5], s.isascii())

# join of lists, tuples, generators; errors.
words = ["alpha", "beta", "gamma"]
print("-".join(words), ",".join(("x",)), "".join(w[0] for w in words), "é".join(["a", "b"]), "|".join([]))
print(repr(" ".join(["ab"])), " ".join([S("ab"), "cd"]))
for bad in [["a", 1], [b"a"], 5, ["a", None, "b"]]:
    try:
        print(" ".join(bad))
    except TypeError as e:
        print("TypeError", e)
nums = [1, 2, 3]
try:
    "".join(nums)
except TypeError as e:
    print("TypeError", e, nums)

# strip with ASCII and non-ASCII character sets.
for t in ["  ab  ", ",,hi!?", "é,é", "?", "", "..", "a.b.", "\x7f x\x7f"]:
    print(repr(t.strip(",.;:!?")), repr(t.lstrip(",.")), repr(t.rstrip("?!")), repr(t.strip("é,")), repr(t.strip("\x7f")), repr(t.strip()))
print(repr(S("..ab..").strip(".")), type(S("..ab..").strip(".")).__name__, repr("abc".strip("")))
try:
    "x".strip(5)
except TypeError as e:
    print("TypeError", e)

# Many floats of the kinds programs format (money, ratios, halves that
# round to even), each against the general algorithm's digits.
state = 12345
out = []
for i in range(3000):
    state = (state * 1103515245 + 12345) % 2147483648
    k = state % 7
    if k == 0:
        x = (state >> 8) % 100000 / 100.0
    elif k == 1:
        x = (state >> 4) % 1000 / 10.0
    elif k == 2:
        x = (state >> 8) % 4096 / 1024.0 - 2.0
    elif k == 3:
        x = state / 3.0
    elif k == 4:
        x = 1.0 / ((state % 997) + 1)
    elif k == 5:
        x = ((state >> 8) % 200 - 100) * 0.005
    else:
        x = (state % 100) * 1e-5
    p = state % 9
    out.append(f"{x:.{p}f}|{x:12.{p}f}|{x:+.2f}|{-x:08.3f}")
print(len(out), out[:3], out[-3:])
print(sum(len(s) for s in out), hash("".join(out)) == hash("".join(out)))
digest = 0
for s in out:
    for ch in s:
        digest = (digest * 131 + ord(ch)) % 1000000007
print(digest)
