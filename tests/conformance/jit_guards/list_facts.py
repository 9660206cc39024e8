# Compiled list indexing keeps a list's storage kind, item storage and
# length between accesses (Fact::List): every way the list may change in
# between must be seen.


def swap_loop(xs, n):
    # int storage, read and written many times per iteration
    total = 0
    for k in range(n):
        lo, hi = 0, len(xs) - 1
        while lo < hi:
            xs[lo], xs[hi] = xs[hi], xs[lo]
            lo += 1
            hi -= 1
        total += xs[0] * 3 + xs[-1]
    return total


print(swap_loop(list(range(9)), 300))


def kind_changes(n):
    # the storage kind changes mid-loop: a float, then a str, goes in
    xs = [0] * 8
    out = []
    for i in range(n):
        xs[i % 8] = xs[(i + 1) % 8] + 1
        if i == 150:
            xs[3] = 2.5
        if i == 260:
            xs[5] = "s"
            break
        out.append(xs[i % 8])
    return out[-5:], xs


print(kind_changes(400))


def alias_append(n):
    # another name for the same list grows it between two reads
    a = [1, 2, 3]
    b = a
    s = 0
    for i in range(n):
        s += a[len(a) - 1]
        b.append(i)
        s += a[len(a) - 1]
        if len(a) > 50:
            del b[3:]
    return s, a


print(alias_append(300))


def out_of_range(n):
    xs = [True] * 10
    c = 0
    try:
        for i in range(n):
            xs[i] = not xs[i - 1]
            c += xs[i]
    except IndexError as e:
        print("IndexError:", e, c)
    try:
        for i in range(n):
            c += xs[i]
    except IndexError as e:
        print("IndexError:", e, c)


out_of_range(40)


def rebinding(n):
    # the register holding the list is rebound to another list mid-loop
    grids = [[1] * 5, [2.0] * 7, [True] * 3]
    s = 0
    for i in range(n):
        g = grids[i % 3]
        s += g[i % len(g)] + g[-1]
        g[0] = g[-1]
    return s


print(rebinding(600))


def iterators(n):
    # `for x in xs`, zip and enumerate over typed lists keep each list's
    # storage and length in locals; the body changes them mid-loop.
    xs = [float(i) for i in range(n)]
    ys = [i % 5 for i in range(n)]
    total = 0.0
    for x, y in zip(xs, ys):
        total += x * y
        if x == 50.0:
            ys[70] = 2.5          # ys becomes a float list
        if x == 80.0:
            del xs[90:]           # xs shrinks: zip stops at 90
    count = 0
    for i, v in enumerate(ys):
        count += i if v != 2.5 else -1000
        if i == 30:
            ys.append(True)       # grows while enumerated
        if i == 40:
            ys[35] = "x"          # generic storage from here on
            count += 1
    acc = 0
    for v in xs:
        acc += int(v)
        if v == 20.0:
            xs.extend([1.5] * 3)
    return total, count, acc, len(xs), len(ys)


print(iterators(200))


def iterator_of_empty_and_swapped(n):
    out = []
    for rnd in range(n):
        data = [] if rnd % 3 == 0 else ([1, 2, 3] if rnd % 3 == 1 else [1.5, 2.5])
        s = 0
        for v in data:
            s += v
        for a, b in zip(data, reversed(data)):
            s += a * b
        out.append(s)
    return out[-6:]


print(iterator_of_empty_and_swapped(300))
