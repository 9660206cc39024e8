def grid(n):
    s = 0
    for i in range(n):
        for j in range(3):
            s += i * j
    return s


print(grid(6))
