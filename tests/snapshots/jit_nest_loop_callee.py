def steps(c):
    n = 0
    while n < 20 and c * n < 200:
        n += 1
    return n


def plain(c):
    return c * 3 + 1


def rows(size):
    total = 0
    for y in range(size):
        for x in range(size):
            total += steps(x + y)
    return total


def flat(size):
    total = 0
    for y in range(size):
        for x in range(size):
            total += plain(x + y)
    return total


print(rows(300))
print(flat(300))
