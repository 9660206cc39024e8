def scale(x, k):
    return x * k + 7


def shared(x, k):
    return scale(x, k) % 1009


def first(i):
    t = i + 1
    u = t * 2
    v = u - 3
    return shared(v, 3) + t


def second(i):
    t = i + 2
    u = t * 3
    v = u - 5
    return shared(v, 5) + u


def third(i):
    t = i + 3
    u = t * 5
    v = u - 7
    return shared(v, 7) + v


fns = [first, second, third]
total = 0
for i in range(30000):
    total += fns[i % 3](i)
print(total)
