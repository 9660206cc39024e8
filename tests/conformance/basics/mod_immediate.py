"""x % k with a constant k (the ModInt instruction): ints of both signs, the
i64 limits, bigints, floats, bools, str formatting, user __mod__/__rmod__,
zero and negative moduli, in loops hot enough for the JIT."""
import sys
class V:
    def __mod__(self, k): return ("mod", k)
    def __rmod__(self, k): return ("rmod", k)
vals = [7, -7, 0, 2**63 - 1, -2**63, 2**70, -2**70, 7.5, -7.5, True, "%d items", V(), 10**20]
for v in vals:
    for f in (lambda x: x % 3, lambda x: x % -3, lambda x: x % 1, lambda x: x % 1000000007, lambda x: x % 0, lambda x: x % -2147483648, lambda x: x % 2147483647):
        try:
            print(repr(f(v)))
        except Exception as e:
            print(type(e).__name__, e)
s = 0
for i in range(-3000, 3000):
    s += i % 7 + i % -5 + (i * 1000003) % 1000000007
print(s)
x = 5
try:
    print(None % 4)
except TypeError as e:
    print(e)
