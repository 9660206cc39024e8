# ModInt with an immediate divisor: 8, 3, -5 and 1000003 compile without the
# zero and overflow checks; 0 and -1 keep them (ZeroDivisionError, MIN % -1).
import sys
M = -sys.maxsize - 1
acc = 0
for i in range(3000):
    x = M + i if i % 2 else i * 7919 - 10000
    acc += x % 8 + x % -1 + x % 3 + x % -5 + (x % 1000003)
    try:
        acc += x % 0
    except ZeroDivisionError as e:
        acc += len(str(e))
print(acc)
big = 0
for i in range(3000):
    big += (M + i) % -1
print(big)
