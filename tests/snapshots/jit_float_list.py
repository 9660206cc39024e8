def norm(xs):
    acc = 0.0
    for x in xs:
        acc += x * x
    return acc


print(norm([0.5, 1.5, 2.5, 3.5, 4.5, 5.5]))
