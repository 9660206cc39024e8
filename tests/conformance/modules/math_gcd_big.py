# math.gcd / math.lcm on big ints of many shapes (Lehmer steps, single-division steps,
# the 128-bit tail, zero, signs), checked against CPython.
import math, random
r = random.Random(7)
out = []
shapes = []
for i in range(3000):
    k = r.choice([1, 2, 3, 60, 64, 65, 127, 128, 129, 200, 500, 2000, 5000])
    a = r.getrandbits(k) + r.choice([0, 1])
    b = r.getrandbits(r.choice([1, k, k + 64, max(1, k - 64), 3 * k])) 
    g = r.getrandbits(r.choice([1, 30, 100, 700])) + 1
    if r.random() < 0.5:
        a, b = a * g, b * g
    if r.random() < 0.2:
        a = -a
    if r.random() < 0.1:
        b = 0
    out.append(math.gcd(a, b))
    out.append(math.gcd(b, a))
    if a and b and r.random() < 0.3:
        out.append(math.lcm(a, b))
out.append(math.gcd(2**6000, 2**3000 * 3))
out.append(math.gcd(2**64 - 1, 2**128 - 1))
out.append(math.gcd(*[2**100 * p for p in (3, 5, 7)]))
out.append(math.gcd())
out.append(math.gcd(0, 0))
out.append(math.lcm(0, 5))
out.append(math.lcm())
print(len(out), sum(x % 1000000007 for x in out), sum(x.bit_length() for x in out))
print(out[-7:])
