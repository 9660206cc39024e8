def short(xs):
    s = 0
    for x in xs:
        s += x
    return s


def long_after_short(n):
    s = 0
    i = 0
    while i < n:
        s += i
        i += 1
    return s


t = 0
for k in range(2000):
    t += short([k, 1, 2])
print(t)
u = 0
for k in range(300):
    u += long_after_short(3)
u += long_after_short(100000)
print(u)
