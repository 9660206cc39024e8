# The benchmark program of the same name at its small size: the JIT must
# give exactly CPython's output on whole programs too.
"""Pure-Python matrix multiplication on lists of lists of floats: C = A * B,
then D = C * A, with the matrices filled from a linear congruential
generator. Stresses nested loops, zip and float multiply-add.

Size: n, the matrix dimension.
"""
import sys


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def next_float(self):
        """A float in [-0.5, 0.5), exactly representable."""
        self.state = (self.state * 1664525 + 1013904223) % 4294967296
        return self.state / 4294967296.0 - 0.5


def random_matrix(n, rng):
    return [[rng.next_float() for _ in range(n)] for _ in range(n)]


def transpose(m):
    return [list(column) for column in zip(*m)]


def multiply(a, b):
    columns = transpose(b)
    result = []
    for row in a:
        out = []
        for column in columns:
            total = 0.0
            for x, y in zip(row, column):
                total += x * y
            out.append(total)
        result.append(out)
    return result


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    rng = Lcg(12345)
    a = random_matrix(n, rng)
    b = random_matrix(n, rng)
    c = multiply(a, b)
    d = multiply(c, a)
    total = 0.0
    trace = 0.0
    for i in range(n):
        trace += d[i][i]
        for value in d[i]:
            total += value
    print("checksum: %.9f,%.9f" % (total, trace))


main()
