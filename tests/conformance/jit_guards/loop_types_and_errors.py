# Type instability, int overflow into bigints, float/int mixing, division
# by zero and unbound locals inside compiled loops.
x = 0
for i in range(2000):
    x += i * 1.5 if i % 3 == 0 else i
print(x)

big = 1
for i in range(200):
    big = big * 3 + i
print(big % 1000000007, big.bit_length())

v = 2**62
for i in range(5):
    v += 2**61
print(v)

def divs(n):
    out = []
    for i in range(-n, n):
        try:
            out.append((100 // i, 100 % i, -7 // i, 7.5 / i))
        except ZeroDivisionError as e:
            out.append(str(e))
    return out
for _ in range(100):
    d = divs(4)
print(d)

def shifts(n):
    out = 0
    for i in range(n):
        out ^= (1 << i) >> (i // 2)
    return out
print(shifts(100), shifts(70))

def mixed_compare(n):
    c = 0
    for i in range(n):
        if i < 2.5 * n / 3 and 2**53 + 1 != float(2**53 + 1):
            c += 1
    return c
print(mixed_compare(3000))

def maybe_unbound(n):
    total = 0
    for i in range(n):
        if i > 5:
            total += y
        if i == 3:
            y = i
    return total
for _ in range(50):
    m = maybe_unbound(20)
print(m)
try:
    def never(n):
        s = 0
        for i in range(n):
            if i == n - 1:
                s += w
        w = 1
        return s
    never(1500)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def neg_index(xs):
    s = 0
    for i in range(1, len(xs) + 1):
        s += xs[-i] * i
    return s
print(neg_index(list(range(100))))
try:
    lst = list(range(10))
    for i in range(1000):
        lst[i % 12] = i
except IndexError as e:
    print("IndexError:", e, i)
print(max(3, 2.5), min(2.5, 3), abs(-2**63 + 1), float(7), int(True))
import math
s = 0.0
for i in range(1000):
    s += math.sqrt(i)
print(s)
try:
    for i in range(1000, -5, -1):
        s += math.sqrt(i)
except ValueError as e:
    print("ValueError:", e, i)
