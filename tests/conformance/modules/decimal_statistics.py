# decimal (CPython's _pydecimal), contextvars and statistics.
from decimal import Decimal, getcontext, ROUND_HALF_UP, InvalidOperation, localcontext
import statistics
print(Decimal("1.1") + Decimal("2.2"), Decimal(1) / Decimal(7), Decimal("3.14159").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
print(Decimal(0.1), Decimal("1e10").normalize(), Decimal("-0.00"), repr(Decimal("5")), Decimal(2).sqrt(), Decimal("10") ** 20)
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(3))
print(getcontext().prec, sum([Decimal("0.1")] * 10), Decimal("1.5").to_integral_value(), int(Decimal("7.9")), float(Decimal("2.5")))
try:
    Decimal("abc")
except InvalidOperation as e:
    print(type(e).__name__)
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]), statistics.stdev([1, 2, 3, 4]), statistics.mode([1, 1, 2]), statistics.pvariance([1, 2, 3]))
print(statistics.fmean([1.5, 2.5]), statistics.median_low([1, 2, 3, 4]), statistics.quantiles([1, 2, 3, 4, 5, 6, 7, 8]), statistics.harmonic_mean([1, 2, 4]))
from contextvars import ContextVar
v = ContextVar("v", default=1)
t = v.set(5)
print(v.get(), v.name)
v.reset(t)
print(v.get(), ContextVar("w").get("fallback"))
from fractions import Fraction
print(Fraction(Decimal("1.25")), statistics.mean([Fraction(1, 2), Fraction(1, 3)]), statistics.mean([Decimal("0.5"), Decimal("1.5")]))
try:
    statistics.mean([])
except statistics.StatisticsError as e:
    print(type(e).__name__, e)
