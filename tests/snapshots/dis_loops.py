def total(items, scale=2):
    acc = 0
    for x in items:
        if x % 2 == 0 and x > 3:
            acc += x * scale
        else:
            continue
    i = 0
    while i < 10:
        i += 1
    return acc, i
