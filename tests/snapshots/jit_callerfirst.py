def leaf(x):
    return x * 2 + 1


def mid(x):
    return leaf(x) + leaf(x + 1)


t = 0
for i in range(5000):
    t += mid(i)
print(t)
