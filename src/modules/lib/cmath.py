"""This module provides access to mathematical functions for complex
numbers. (Spry: CPython's formulas from Modules/cmathmodule.c for finite
arguments; the special-value tables for infinities and NaNs are not
reproduced.)"""

import math as _m

pi = _m.pi
e = _m.e
tau = _m.tau
inf = _m.inf
nan = _m.nan
infj = complex(0.0, inf)
nanj = complex(0.0, nan)

_LN10 = 2.302585092994045684017991454684364208


def _c(z):
    if isinstance(z, complex):
        return z
    if isinstance(z, (int, float)):
        return complex(float(z), 0.0)
    if hasattr(type(z), '__complex__'):
        return type(z).__complex__(z)
    if hasattr(type(z), '__float__') or hasattr(type(z), '__index__'):
        return complex(float(z), 0.0)
    raise TypeError("must be real number, not %s" % type(z).__name__)


def _check(r):
    if _m.isinf(r.real) or _m.isinf(r.imag):
        raise OverflowError("math range error")
    return r


def phase(z, /):
    """Return argument, also known as the phase angle, of a complex."""
    z = _c(z)
    return _m.atan2(z.imag, z.real)


def polar(z, /):
    """Convert a complex from rectangular coordinates to polar coordinates."""
    z = _c(z)
    r = _m.hypot(z.real, z.imag)
    if _m.isinf(r) and _m.isfinite(z.real) and _m.isfinite(z.imag):
        raise OverflowError("math range error")
    return r, _m.atan2(z.imag, z.real)


def rect(r, phi, /):
    """Convert from polar coordinates to rectangular coordinates."""
    r = float(r)
    phi = float(phi)
    if r == 0.0 and _m.isfinite(phi):
        return complex(0.0, 0.0)
    return complex(r * _m.cos(phi), r * _m.sin(phi))


def sqrt(z, /):
    """Return the square root of z."""
    z = _c(z)
    if z.real == 0.0 and z.imag == 0.0:
        return complex(0.0, z.imag)
    ax = abs(z.real)
    ay = abs(z.imag)
    if ax < 2.2250738585072014e-308 and ay < 2.2250738585072014e-308:
        ax = _m.ldexp(ax, 53)
        s = _m.ldexp(_m.sqrt(ax + _m.hypot(ax, _m.ldexp(ay, 53))), -27)
    else:
        ax /= 8.0
        s = 2.0 * _m.sqrt(ax + _m.hypot(ax, ay / 8.0))
    d = ay / (2.0 * s)
    if z.real >= 0.0:
        return complex(s, _m.copysign(d, z.imag))
    return complex(d, _m.copysign(s, z.imag))


def exp(z, /):
    """Return the exponential value e**z."""
    z = _c(z)
    if z.real > 708.0:
        l = _m.exp(z.real - 1.0)
        return _check(complex(l * _m.cos(z.imag) * _m.e, l * _m.sin(z.imag) * _m.e))
    l = _m.exp(z.real)
    return _check(complex(l * _m.cos(z.imag), l * _m.sin(z.imag)))


def _log(z):
    ax = abs(z.real)
    ay = abs(z.imag)
    if ax == 0.0 and ay == 0.0:
        raise ValueError("math domain error")
    h = _m.hypot(ax, ay)
    if 0.71 <= h <= 1.73:
        am = ax if ax > ay else ay
        an = ay if ax > ay else ax
        real = _m.log1p((am - 1) * (am + 1) + an * an) / 2.0
    else:
        real = _m.log(h)
    return complex(real, _m.atan2(z.imag, z.real))


def log(x, base=None, /):
    """log(z[, base]) -> the logarithm of z to the given base."""
    r = _log(_c(x))
    if base is not None:
        r = r / _log(_c(base))
    return r


def log10(z, /):
    """Return the base-10 logarithm of z."""
    r = _log(_c(z))
    return complex(r.real / _LN10, r.imag / _LN10)


def sinh(z, /):
    """Return the hyperbolic sine of z."""
    z = _c(z)
    return _check(complex(_m.cos(z.imag) * _m.sinh(z.real), _m.sin(z.imag) * _m.cosh(z.real)))


def cosh(z, /):
    """Return the hyperbolic cosine of z."""
    z = _c(z)
    return _check(complex(_m.cos(z.imag) * _m.cosh(z.real), _m.sin(z.imag) * _m.sinh(z.real)))


def tanh(z, /):
    """Return the hyperbolic tangent of z."""
    z = _c(z)
    if abs(z.real) > 354.0:
        return complex(_m.copysign(1.0, z.real),
                       4.0 * _m.sin(z.imag) * _m.cos(z.imag) * _m.exp(-2.0 * abs(z.real)))
    tx = _m.tanh(z.real)
    ty = _m.tan(z.imag)
    cx = 1.0 / _m.cosh(z.real)
    txty = tx * ty
    denom = 1.0 + txty * txty
    return complex(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)


def sin(z, /):
    """Return the sine of z."""
    z = _c(z)
    s = sinh(complex(-z.imag, z.real))
    return complex(s.imag, -s.real)


def cos(z, /):
    """Return the cosine of z."""
    z = _c(z)
    return cosh(complex(-z.imag, z.real))


def tan(z, /):
    """Return the tangent of z."""
    z = _c(z)
    s = tanh(complex(-z.imag, z.real))
    return complex(s.imag, -s.real)


def asinh(z, /):
    """Return the inverse hyperbolic sine of z."""
    z = _c(z)
    s1 = sqrt(complex(1.0 + z.imag, -z.real))
    s2 = sqrt(complex(1.0 - z.imag, z.real))
    return complex(_m.asinh(s1.real * s2.imag - s2.real * s1.imag),
                   _m.atan2(z.imag, s1.real * s2.real - s1.imag * s2.imag))


def acosh(z, /):
    """Return the inverse hyperbolic cosine of z."""
    z = _c(z)
    s1 = sqrt(complex(z.real - 1.0, z.imag))
    s2 = sqrt(complex(z.real + 1.0, z.imag))
    return complex(_m.asinh(s1.real * s2.real + s1.imag * s2.imag),
                   2.0 * _m.atan2(s1.imag, s2.real))


def atanh(z, /):
    """Return the inverse hyperbolic tangent of z."""
    z = _c(z)
    if z.real < 0.0:
        r = atanh(complex(-z.real, -z.imag))
        return complex(-r.real, -r.imag)
    ay = abs(z.imag)
    if z.real == 1.0 and ay == 0.0:
        raise ValueError("math domain error")
    real = _m.log1p(4.0 * z.real / ((1 - z.real) * (1 - z.real) + ay * ay)) / 4.0
    imag = -_m.atan2(-2.0 * z.imag, (1 - z.real) * (1 + z.real) - ay * ay) / 2.0
    return complex(real, imag)


def asin(z, /):
    """Return the arc sine of z."""
    z = _c(z)
    s = asinh(complex(-z.imag, z.real))
    return complex(s.imag, -s.real)


def acos(z, /):
    """Return the arc cosine of z."""
    z = _c(z)
    s1 = sqrt(complex(1.0 - z.real, -z.imag))
    s2 = sqrt(complex(1.0 + z.real, z.imag))
    return complex(2.0 * _m.atan2(s1.real, s2.real),
                   _m.asinh(s2.real * s1.imag - s2.imag * s1.real))


def atan(z, /):
    """Return the arc tangent of z."""
    z = _c(z)
    s = atanh(complex(-z.imag, z.real))
    return complex(s.imag, -s.real)


def isfinite(z, /):
    """Return True if both the real and imaginary parts of z are finite, else False."""
    z = _c(z)
    return _m.isfinite(z.real) and _m.isfinite(z.imag)


def isinf(z, /):
    """Checks if the real or imaginary part of z is infinite."""
    z = _c(z)
    return _m.isinf(z.real) or _m.isinf(z.imag)


def isnan(z, /):
    """Checks if the real or imaginary part of z not a number (NaN)."""
    z = _c(z)
    return _m.isnan(z.real) or _m.isnan(z.imag)


def isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0):
    """Determine whether two complex numbers are close in value."""
    a = _c(a)
    b = _c(b)
    if rel_tol < 0.0 or abs_tol < 0.0:
        raise ValueError("tolerances must be non-negative")
    if a == b:
        return True
    if isinf(a) or isinf(b):
        return False
    diff = abs(a - b)
    return ((diff <= rel_tol * abs(b)) or (diff <= rel_tol * abs(a))) or diff <= abs_tol
