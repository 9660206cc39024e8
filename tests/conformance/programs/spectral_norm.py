# The benchmark program of the same name at its small size: the JIT must
# give exactly CPython's output on whole programs too.
"""Spectral norm of the infinite matrix A(i, j) = 1 / ((i+j)(i+j+1)/2 + i + 1),
truncated to n x n, estimated with the power method on A^T A. Stresses small
function calls and float loops over lists.

Size: n, the matrix dimension.
"""
import math
import sys


def entry(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def times_a(v):
    n = len(v)
    result = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += entry(i, j) * v[j]
        result.append(total)
    return result


def times_a_transposed(v):
    n = len(v)
    result = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += entry(j, i) * v[j]
        result.append(total)
    return result


def times_ata(v):
    return times_a_transposed(times_a(v))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = times_ata(u)
        u = times_ata(v)
    vbv = 0.0
    vv = 0.0
    for a, b in zip(u, v):
        vbv += a * b
        vv += b * b
    print("checksum: %.9f,%.6e" % (math.sqrt(vbv / vv), vv))


main()
