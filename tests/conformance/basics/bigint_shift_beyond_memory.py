# A left shift whose result would not fit in the machine's memory (but
# whose count fits a machine word) raises MemoryError, as CPython's failed
# allocation does; it aborted the process before (fuzz seed 86849: an
# 84 GB result, `10 << 678223072849`). 2**40 - 64 bits is 137 GB and
# 10**13 bits 1.25 TB: beyond a test machine's memory and swap.
for a in [1, -3, 2**70, -(2**100)]:
    for s in [2**40 - 64, 10**13, 10**13 + 7, 2**50]:
        try:
            a << s
        except MemoryError as e:
            print(a.bit_length(), s, type(e).__name__, repr(str(e)))


def shifts(n):
    # The same from a loop (compiled with the JIT).
    out = 0
    for i in range(n):
        try:
            out += (5 << i) if i < 100 else (5 << (10**13 + i))
        except MemoryError:
            out += 1
    return out


print(shifts(300))
