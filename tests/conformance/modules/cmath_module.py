# cmath: basic complex functions, polar/rect, constants, errors.
import cmath
import math

print(cmath.sqrt(-1), cmath.sqrt(4), cmath.sqrt(3 + 4j), cmath.sqrt(-2 - 0j), cmath.sqrt(1j))
print(cmath.exp(1j * math.pi), cmath.exp(0), cmath.exp(1 + 1j))
print(cmath.log(1j), cmath.log(-1), cmath.log(8, 2), cmath.log10(100), cmath.log(2 + 3j))
print(cmath.phase(-1), cmath.phase(1j), cmath.phase(-1 - 0.0j), cmath.polar(1 + 1j), cmath.rect(2, math.pi / 2))
print(cmath.sin(1 + 1j), cmath.cos(1 + 1j), cmath.tan(0.5 + 0.25j))
print(cmath.sinh(1 + 2j), cmath.cosh(1 + 2j), cmath.tanh(1 + 2j))
print(cmath.asin(0.5), cmath.acos(0.5 + 0.5j), cmath.atan(1 + 1j))
print(cmath.asinh(1 + 1j), cmath.acosh(2 + 1j), cmath.atanh(0.5 + 0.5j))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
print(cmath.isfinite(1 + 1j), cmath.isinf(complex(math.inf, 0)), cmath.isnan(complex(0, math.nan)))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 2j))
for bad in [lambda: cmath.log(0), lambda: cmath.sqrt("x"), lambda: cmath.atanh(1)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
