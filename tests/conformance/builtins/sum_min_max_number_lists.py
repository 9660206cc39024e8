# sum(), min() and max() of lists of ints, floats and bools (and mixed
# ones), with int, float and big starts: NaNs, signed zeros, overflow
# past 64 bits, infinities; a list subclass with its own __iter__.
import math
nan = float("nan")
tests = [
    [1, 2, 3], [], [2**62, 2**62, 2**62], [-2**63, -1], [1.5, 2.25, -0.0], [0.0, -0.0], [-0.0, 0.0],
    [nan, 1.0, 2.0], [1.0, nan, 2.0], [1.0, 2.0, nan], [True, False, True], [False], [True, 2],
    [1, 2.5], [0.1] * 10, [1e308, 1e308], [float("inf"), -float("inf")], [3, 1, 2],
]
for t in tests:
    for start in (0, 0.0, 5, -2.5, 2**70):
        try:
            r = sum(t, start)
            print("sum", t[:4], start, repr(r), type(r).__name__)
        except Exception as e:
            print("sum", type(e).__name__, e)
    for f in (min, max):
        try:
            r = f(t)
            print(f.__name__, t[:4], repr(r), type(r).__name__)
        except Exception as e:
            print(f.__name__, type(e).__name__, e)
    print(min(t, default="d"), max(t, default=None))

class L(list):
    def __iter__(self):
        yield 100
print(sum(L([1, 2])), max(L([1, 2])), min(L([5, 6])))
big = list(range(1000000))
print(sum(big), max(big), min(big), sum(big, 0.5))
fl = [x / 7 for x in range(100000)]
print(sum(fl), max(fl), min(fl), sum(fl, 1))
print(sum([2**63 - 1, 1]), sum([-2**63, -1]))
print(max([1, 1.0]), max([1.0, 1]), min([True, 1]), min([1, True]))
