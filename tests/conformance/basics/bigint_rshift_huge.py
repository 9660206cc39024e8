# Right shifts of big ints by counts beyond their length are instant (0 or -1).
x = 2**66
print(x >> 2**31, -x >> 2**31, x >> 2**36, -x >> 2**36)
for v in (2**70 + 12345, -(2**70 + 12345), 2**64, -(2**64), -(2**64) - 1, 3**50, -(3**50)):
    print([v >> k for k in (0, 1, 3, 63, 64, 65, 70, 71, 100)])
print((-1) >> 2**40, 5 >> 2**100, -5 >> 2**100)
