# Complex powers as CPython computes them (integral exponents by repeated
# squaring, a power that underflows to zero under a negative exponent is a
# ZeroDivisionError, overflow an OverflowError), and sequence repetition by
# ints outside the index range (negative too).
tiny = (-2.0248704488983849e-255-3.0388911211669175e-255j)
big = complex(1e200, 1e200)
cases = [(tiny, -3), (tiny, 3), (0j, -1), (0j, 0), (0j, 2), (0j, 1j), (0j, -0.5),
         (big, 2), (big, -2), (1+2j, 100), (1+2j, 101), (1+2j, -100), (1.5+0.5j, 2.0),
         ((-3) ** 0.5, -3), (1j, 1e308), (complex(float("nan"), 1), -1), (2+0j, 0.5)]
for base, exp in cases:
    try:
        print(repr(base), repr(exp), repr(base ** exp))
    except (ZeroDivisionError, OverflowError) as e:
        print(repr(base), repr(exp), type(e).__name__, e)
x = 1.0
for k in range(12):
    x = (x * 3 - 7) if k % 2 else (x + 0j) ** 0.5
    print(k, repr(x))
for seq in ["s", b"s", [1], (1,), bytearray(b"s")]:
    for n in [-2 ** 70, 2 ** 70, -2 ** 63, -1, 0, 2]:
        try:
            print(type(seq).__name__, n, repr(seq * n), repr(n * seq))
        except (OverflowError, MemoryError) as e:
            print(type(seq).__name__, n, type(e).__name__, e)
