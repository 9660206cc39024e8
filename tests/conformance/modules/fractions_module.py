# fractions: construction, arithmetic, comparisons, conversions, limit_denominator, errors.
from fractions import Fraction
import math

print(Fraction(3, 4), Fraction(-6, 8), Fraction(5), Fraction("2/3"), Fraction(" -1.25 "), Fraction("3e-2"))
print(repr(Fraction(1, 3)), str(Fraction(4, 2)), Fraction(0.5), Fraction(0.1))
a, b = Fraction(1, 3), Fraction(1, 6)
print("arith:", a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, a ** -1, -a, abs(-a))
print("mixed:", a + 1, 2 * a, a + 0.5, 1 - a, a == Fraction(2, 6), a < 0.5, a > b)
print("parts:", a.numerator, a.denominator, Fraction(7, 2).as_integer_ratio())
print("conversions:", float(Fraction(1, 8)), int(Fraction(-7, 2)), round(Fraction(7, 2)), round(Fraction(5, 2)), math.floor(Fraction(-7, 2)), math.ceil(Fraction(7, 2)))
print("round ndigits:", round(Fraction(22, 7), 2))
print("limit_denominator:", Fraction(math.pi).limit_denominator(1000), Fraction(3.14159).limit_denominator(10))
print("hash agrees:", hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(3)) == hash(3))
print("sum:", sum(Fraction(1, n) for n in range(1, 7)))
print("from_float/decimal-free:", Fraction.from_float(0.25), Fraction(2, 4) == 0.5)
print("sorted:", sorted([Fraction(1, 2), Fraction(1, 3), 0.4, 1]))
for bad in [lambda: Fraction(1, 0), lambda: Fraction("abc"), lambda: Fraction(1.5, 2), lambda: Fraction(float("nan"))]:
    try:
        bad()
    except (ZeroDivisionError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
