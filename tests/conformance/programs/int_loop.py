# The benchmark program of the same name at its small size: the JIT must
# give exactly CPython's output on whole programs too.
"""A tight while loop of small-integer arithmetic (multiply, add, modulo,
shifts, masks, a data-dependent branch); every value stays well inside 64
bits. The easiest possible win for a JIT.

Size: number of loop iterations.
"""
import sys


def int_loop(n):
    i = 0
    x = 1
    acc = 0
    odd = 0
    while i < n:
        x = (x * 75 + 74) % 65537
        if x & 1:
            acc += (x >> 3) ^ (i & 255)
            odd += 1
        else:
            acc -= i % 7
        acc &= 0xFFFFFFFFFF
        i += 1
    return acc, odd, x


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50000
    acc, odd, x = int_loop(n)
    print("checksum: %d,%d,%d" % (acc, odd, x))


main()
