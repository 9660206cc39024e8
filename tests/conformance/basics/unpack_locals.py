# Unpacking into plain locals goes straight into their registers: a failed
# unpacking must leave them as they were.


def gen(n, fail=False):
    for i in range(n):
        yield i * 10
    if fail:
        raise RuntimeError("generator failed")


def main():
    a, b = 1, 2
    print(a, b)
    try:
        a, b = [7, 8, 9]
    except ValueError as e:
        print("ValueError:", e, a, b)
    try:
        a, b = [7]
    except ValueError as e:
        print("ValueError:", e, a, b)
    try:
        a, b = gen(2, fail=True)
    except RuntimeError as e:
        print("RuntimeError:", e, a, b)
    try:
        a, b = gen(3)
    except ValueError as e:
        print("ValueError:", e, a, b)
    try:
        a, b = 5
    except TypeError as e:
        print("TypeError:", e, a, b)
    a, b = b, a
    print(a, b)
    a, b = gen(2)
    print(a, b)
    pairs = [(i, i * i) for i in range(5)] + [(1.5, "x"), ([1], None)]
    total = []
    for x, y in pairs:
        total.append((y, x))
    print(total)
    for i, (x, y) in enumerate(pairs):
        print(i, x, y, end="; ")
    print()
    t = (1, 2)
    t, u = t
    print(t, u)
    p, q = "pq"
    print(p, q)
    d = {"k": 1, "j": 2}
    k1, k2 = d
    print(k1, k2)
    del a
    try:
        print(a)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    a, b = 3, 4
    print(a, b)


main()
