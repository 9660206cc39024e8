# Complex powers raise OverflowError ("complex exponentiation") when a part
# of the result is infinite; a NaN part is shown without its sign.
for a, b in [(complex(float('inf'), 0), 2), (complex(float('inf'), 0), 2.5), (0j, -1), (0j, 1j), (0j, 2),
             (1e200 + 0j, 2), (1e200j, 3), (2 + 3j, 0.5), (-5 + 0j, 2.5), (complex(float('nan'), 0), 2), (-1e200, 2.5), (-8, 0.5)]:
    try:
        print(a, b, a ** b)
    except Exception as e:
        print(a, b, type(e).__name__, e)
v = -5
for i in range(8):
    try:
        v = v ** 2.5
        print(i, v)
    except OverflowError as e:
        print(i, 'OverflowError', e)
        break
print(pow(2j, 3), pow(1 + 1j, -2))
n = float("nan"); m = -n
print(repr(complex(1, m)), repr(complex(1, n)), repr(complex(m, 1)), repr(complex(0, m)), repr(complex(m, m)), str(complex(m, 0)))
