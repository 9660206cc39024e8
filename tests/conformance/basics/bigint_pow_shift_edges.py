# 0, 1, -1 and True raised to huge powers are small; shifts by huge counts
# raise MemoryError, or OverflowError when the count of 30-bit digits does
# not fit a machine word, as in CPython 3.11 (found by differential fuzzing).
def f(b, e):
    return b ** e


for _ in range(3):
    print(f(1, 2**40), f(-1, 2**63), f(-1, 2**63 + 1), f(True, 2**63), f(0, 2**40))
print(1 ** 2**40, (-1) ** (2**64 + 3), pow(-1, 2**63 + 1), pow(1, 2**200), 0 ** 2**100)
M = (2**63 - 1 - 24) // 4
for a in [1, -1, 2**40, 2**100]:
    for s in [2**62, 2**63 - 1, 2**63, 2**64, 30 * (M - 2), 30 * (M - 1), 30 * (M - 1) + 1, 30 * M, 2**100]:
        try:
            a << s
        except Exception as e:
            print(a.bit_length(), s, type(e).__name__, repr(str(e)))
print(0 << 2**100, 0 << 2**63)
