# Floor division, modulo and divmod of big ints whose quotient is small
# (the estimate-and-correct fast path), across signs, exact divisions,
# quotients at the edges of the estimate, and comparisons of big ints.
import random

def check(a, b):
    q = a // b
    r = a % b
    d = divmod(a, b)
    print(q, r if abs(r) < 10**6 else r % 999983, d[0] == q, d[1] == r, q * b + r == a)

bases = [2**64, 2**64 + 1, 2**127 - 1, 2**128, 3**200, 7**500 + 12345, 10**300]
for y in bases:
    for k in [0, 1, 2, 3, 7, 10, 2**30, 2**59, 2**60 - 1, 2**61 + 5, 2**62, 2**64]:
        for extra in [0, 1, -1, y - 1, y // 2]:
            a = k * y + extra
            for sa, sb in [(1, 1), (-1, 1), (1, -1), (-1, -1)]:
                check(sa * a, sb * y)

# Dividends smaller than the divisor, and zero.
for y in [2**64, -(2**64), 3**300, -(3**300)]:
    for a in [0, 1, -1, 5, -5, 2**63 - 1, -(2**63), 2**64 - 1, 3**299, -(3**299)]:
        check(a, y)

# Divisors just above the i64 range and dividends with quotient close to 2**60.
for y in [2**63, -(2**63) - 1, 2**63 + 1]:
    for a in [y * (2**60) + 1, y * (2**60) - 1, -y * (2**60), y * 12345 + 6789]:
        check(a, y)

# Division by zero still raises.
for a in [3**200, -(3**200)]:
    for op in ["//", "%", "divmod"]:
        try:
            if op == "//":
                a // 0
            elif op == "%":
                a % 0
            else:
                divmod(a, 0)
        except ZeroDivisionError as e:
            print(op, "ZeroDivisionError:", e)

# Random cases: top limbs of all ones or zeros stress the estimate.
rng = random.Random(7)
ok = 0
for i in range(3000):
    bits = rng.choice([65, 100, 128, 129, 640, 4000])
    y = rng.getrandbits(bits) | (1 << (bits - 1))
    if i % 3 == 0:
        y = (1 << bits) - 1 - rng.getrandbits(8)
    qbits = rng.randrange(0, 64)
    a = y * rng.getrandbits(qbits) + rng.randrange(-y, y)
    if rng.random() < 0.5:
        a = -a
    if rng.random() < 0.5:
        y = -y
    q, r = a // y, a % y
    if q * y + r == a and (r == 0 or (r > 0) == (y > 0)) and abs(r) < abs(y) and divmod(a, y) == (q, r):
        ok += 1
    else:
        print("bad", a, y, q, r)
print("random ok", ok)

# Comparisons between big and small ints, both signs.
vals = [0, 1, -1, 2**63 - 1, -(2**63), 2**63, -(2**63) - 1, 2**64, -(2**64), 3**100, -(3**100), True, False]
for a in vals:
    print([(a < b, a <= b, a == b, a > b) for b in vals].count((True, True, False, False)), sorted(vals).index(a) if a not in (True, False) else "b")
