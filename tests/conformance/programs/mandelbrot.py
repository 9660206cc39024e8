# The benchmark program of the same name at its small size: the JIT must
# give exactly CPython's output on whole programs too.
"""Mandelbrot set on a size x size grid over [-2.0, 0.5] x [-1.25, 1.25],
at most 100 iterations per point, with plain float arithmetic (no complex
numbers). Stresses a tight float loop with an early exit.

Size: the grid width and height.
"""
import sys

MAX_ITER = 100


def escape_time(cr, ci):
    zr = 0.0
    zi = 0.0
    n = 0
    while n < MAX_ITER:
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            break
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        n += 1
    return n


def mandelbrot(size):
    inside = 0
    total = 0
    row_hash = 0
    for y in range(size):
        ci = -1.25 + 2.5 * y / size
        row = 0
        for x in range(size):
            cr = -2.0 + 2.5 * x / size
            n = escape_time(cr, ci)
            total += n
            if n == MAX_ITER:
                inside += 1
            row = (row * 31 + n) % 1000003
        row_hash = (row_hash * 17 + row) % 1000003
    return inside, total, row_hash


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    inside, total, row_hash = mandelbrot(size)
    print("checksum: %d,%d,%d" % (inside, total, row_hash))


main()
