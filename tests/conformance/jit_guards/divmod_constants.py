# Floor division and modulo by constants in compiled loops (`x % 8` is an
# immediate operand; `x // 8` loads 8 into a register right before, which
# compiles the same way): powers of two (a shift and a mask), other
# positive and negative constants (one remainder and a sign test), around
# zero and at the ends of the 64-bit range, where the machine's rounding
# towards zero and Python's towards -inf differ. Shifts by constants loaded
# the same way (`x >> 3`: no guards; `x << 3`: only the overflow check;
# shifts by 63 or more, or negative ones, keep their checks).
import sys

MAX = sys.maxsize
MIN = -sys.maxsize - 1
xs = [0, 1, -1, 2, -2, 3, -3, 7, -7, 8, -8, 9, -9, 1023, -1023, 1024, -1024,
      1025, -1025, MAX, MIN, MAX - 1, MIN + 1, 2**62, -2**62, 123456789, -987654321]


def by_powers(xs):
    acc = []
    for x in xs:
        acc.append((x // 1, x % 1, x // 2, x % 2, x // 4, x % 4, x // 8, x % 8,
                    x // 1024, x % 1024, x // 2**62, x % 2**62))
    return acc


def by_others(xs):
    acc = []
    for x in xs:
        acc.append((x // 3, x % 3, x // 7, x % 7, x // 1000003, x % 1000003,
                    x // -2, x % -2, x // -8, x % -8, x // -3, x % -3,
                    x // -7, x % -7, x // -1000003, x % -1000003))
    return acc


def by_minus_one(xs):
    acc = []
    for x in xs:
        try:
            acc.append(x // -1)
        except OverflowError:
            acc.append("overflow")
        acc.append(x % -1)
    return acc


def shifts(xs):
    acc = []
    for x in xs:
        row = [x >> 0, x >> 1, x >> 3, x >> 62, x >> 63, x >> 64, x >> 100,
               (x & 0xFFFF) << 0, (x & 0xFFFF) << 3, (x & 0xFFFF) << 47]
        try:
            row.append(x << 1)
        except OverflowError:
            row.append("overflow")
        row.append((x & 1) << 62)
        row.append((x & 1) << 63)
        try:
            row.append(x >> -1)
        except ValueError as e:
            row.append(str(e))
        try:
            row.append(x << -2)
        except ValueError as e:
            row.append(str(e))
        acc.append(tuple(row))
    return acc


def bools(n):
    t = 0
    for i in range(n):
        b = i % 3 == 0
        t += b // 2 + b % 2 + b // 1 + (i // 4) % 8 - (-i) // 8 + (-i) % 16
    return t


# Every round must give the same results: the first ones run in the
# interpreter, later ones compiled (or in the interpreter again, where a
# guard kept failing and the code was dropped).
results = []
rounds = set()
for _ in range(60):
    results = [by_powers(xs), by_others(xs), by_minus_one(xs), shifts(xs)]
    rounds.add(repr(results))
print("rounds agree:", len(rounds) == 1)
for part in results:
    for row in part:
        print(row)
print(bools(5000))
