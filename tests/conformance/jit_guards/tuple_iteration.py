# for loops over tuples compiled natively: *args, literal tuples, an
# iterator advanced by hand inside its own loop, mixed item types.


def total(*values):
    s = 0
    for v in values:
        s += v
    return s


def literal_tuples(n):
    t = 0
    for i in range(n):
        for x in (i, 2.5, "ab", None, True):
            if isinstance(x, str):
                t += len(x)
            elif x is None:
                t -= 1
            else:
                t += int(x)
    return t


def advanced_by_hand(n):
    it = iter(tuple(range(n)))
    out = 0
    for x in it:
        if x % 3 == 0:
            out += next(it, 1000) * 2
        out += x
    return out


def nested(n):
    pairs = tuple((i, i * i) for i in range(50))
    t = 0
    for k in range(n):
        for a, b in pairs:
            t += a * b - k
    return t


def changing_type(n):
    seqs = [(1, 2, 3), [4, 5], (6,), "xy", range(3)]
    t = 0
    for i in range(n):
        for x in seqs[i % 5]:
            t += x if isinstance(x, int) else ord(x)
    return t


print(sum(total(i, 1, 2, i) for i in range(3000)))
print(literal_tuples(3000))
print(advanced_by_hand(5000))
print(nested(300))
print(changing_type(3000))
