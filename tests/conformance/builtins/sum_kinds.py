# sum(): ints kept in a machine word until they overflow, floats in a
# double, and every switch between them (and to other types) mid-stream.
import sys

big = sys.maxsize
print(sum([1, 2, 3]), sum([]), sum([], 5), sum(range(10), 100))
print(sum([big, 1, -1, 2]), sum([big, big, -big]), type(sum([big, 1])).__name__)
print(sum([1, 2.5, 3]), sum([0.1] * 10), sum([1.5, 2, True]), sum([True, True, 3]))
print(sum([1, 2, 3.0]), sum([1e308, 1e308]), sum([2**70, 1, 2.0]), sum([2**70, -2**70, 5]))
print(sum([-0.0]), sum([-0.0], -0.0), sum([], -0.0), sum([0.0, -0.0]))
print(sum([big] * 3, 0.5), sum([1.0, big, big]))
print(sum([1, 2], start=10), sum([[1], [2]], []), sum([(1,), (2, 3)], ()))
print(sum(x * x for x in range(5)), sum(x / 2 for x in range(5)))
from fractions import Fraction
from decimal import Decimal
print(sum([1, Fraction(1, 2), 2]), sum([Decimal("1.1"), 2]), sum([1.5, Fraction(1, 2)]))
print(sum([1, 2.5, 1j]), sum([1j, 2, 3.5]))


class Money:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Money(self.v + (other.v if isinstance(other, Money) else other))

    __radd__ = __add__

    def __repr__(self):
        return "Money(%r)" % self.v


print(sum([Money(1), Money(2)]), sum([1, Money(2), 3]), sum([1.5, Money(2)]))
for bad in (["a", "b"], [1, "a"], [1.5, None], [big, big, "x"]):
    try:
        print(sum(bad))
    except TypeError as e:
        print("TypeError:", e)
try:
    sum(["a"], "")
except TypeError as e:
    print("TypeError:", e)


def gen():
    yield 1
    yield 2.5
    raise ValueError("stop here")


try:
    sum(gen())
except ValueError as e:
    print("ValueError:", e)
