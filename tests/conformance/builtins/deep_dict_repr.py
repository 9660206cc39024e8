for n in (500, 990, 1100, 5000):
    d = {}
    for i in range(n):
        d = {"k": d}
    try:
        print(n, len(repr(d)))
    except RecursionError as e:
        print(n, e)
