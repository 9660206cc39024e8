# Complex powers whose phase is infinite (a huge or infinite exponent):
# CPython's libm sets EDOM in cos/sin, reported as ZeroDivisionError.
z = -2.25
a = -256
z **= (a % 1.5)
print(a % 1.5, z)
w = z
try:
    w **= float('-inf')
    print("w", w)
except Exception as e:
    print(type(e).__name__, e)
print((1+1.5j) ** float('-inf') if False else "")
for base in [complex(9.184850993605148e-17, 1.5), complex(0.5, 0.0), complex(2, 0), complex(0, 0), complex(1, 1e-5), complex(0.1, 0.1)]:
    for e in [float('-inf'), float('inf'), -1e308, 1e308]:
        try:
            print(base, e, base ** e)
        except Exception as ex:
            print(base, e, type(ex).__name__, ex)
for base in [complex(-1, 0), complex(3, 4), complex(1e-300, 1e-300), complex(1e300, 1e300), complex(0.5, -0.5)]:
    for e in [complex(0, float('inf')), complex(float('inf'), 1), complex(1e308, 0), complex(-1e308, 0), 1e300, float('nan'), complex(0, float('nan')), 2.5, -0.5j]:
        try:
            print(base, e, base ** e)
        except Exception as ex:
            print(base, e, type(ex).__name__, ex)
