# The benchmark program of the same name at its small size: the JIT must
# give exactly CPython's output on whole programs too.
"""Naive doubly recursive Fibonacci. Stresses Python-level function calls
and small integer arithmetic.

Size: n; computes fib(n) with about 1.6 ** n calls.
"""
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    print("checksum: %d" % fib(n))


main()
