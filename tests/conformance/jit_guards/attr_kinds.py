# Attribute kinds: compiled code reads an attribute whose values (per dict
# shape and position) have only ever been floats or ints without checking
# its type. Every way of storing a value of another type must still be
# seen: a compiled store, setattr, __dict__, a constructor call, a global
# store, a value carried into a child shape, an int growing into a bigint.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def total(ps, n):
    s = 0.0
    other = 0
    for i in range(n):
        for p in ps:
            x = p.x
            if type(x) is float:
                s += x + p.y
            else:
                other += 1
        if i == n // 2:
            ps[1].x = "text"  # a compiled store of another type
    return round(s, 6), other


ps = [P(float(i), 0.5) for i in range(4)]
print(total(ps, 3000))


def via_setattr(ps, n):
    s = 0.0
    for i in range(n):
        for p in ps:
            s += p.x
        if i == n - 10:
            setattr(ps[2], "x", 7)  # an int now: s is still exact
    return s


ps = [P(float(i), 0.5) for i in range(4)]
print(via_setattr(ps, 3000))


def via_dict(ps, n):
    s = 0.0
    seen = []
    for i in range(n):
        for p in ps:
            v = p.y
            if v is None:
                seen.append(i)
            else:
                s += v
        if i == 2000:
            ps[0].__dict__["y"] = None
    return s, len(seen), seen[:2]


ps = [P(1.0, float(i)) for i in range(3)]
print(via_dict(ps, 2500))


def via_constructor(n):
    ps = [P(1.5, 2.5) for _ in range(3)]
    s = 0.0
    kinds = set()
    for i in range(n):
        for p in ps:
            kinds.add(type(p.x).__name__)
            s += p.x * 2
        if i == 1500:
            ps.append(P(2, 2.5))  # the same shape, an int at x
    return s, sorted(kinds)


print(via_constructor(2000))

G = 1.25


def via_global(n):
    global G
    s = 0.0
    for i in range(n):
        s += G
        if i == 1000:
            G = 3
        if i == 2000:
            globals()["G"] = "g"
            break
    return s, G


print(via_global(3000))


class Q:
    pass


def child_shape(n):
    a = Q()
    a.x = 1.0
    b = Q()
    b.x = 2.0
    s = 0.0
    for i in range(n):
        s += a.x + b.x
        if i == 1200:
            b.x = "two"  # the shape with x only
            b.y = 0.5  # b moves on to the shape with x and y
            break
    c = Q()
    c.x = 4.0
    c.y = 1.0
    out = []
    for i in range(n):
        for o in (c, b):
            out.append(type(o.x).__name__)
    return s, out[:4], len(out)


print(child_shape(2000))


class Counter:
    def __init__(self):
        self.n = 1


def bigint(k):
    c = Counter()
    for i in range(k):
        c.n = c.n * 3
    return c.n % 1000003, type(c.n).__name__, c.n.bit_length()


print(bigint(200))


def flags(n):
    f = [P(True, 1.0) for _ in range(3)]
    count = 0
    for i in range(n):
        for p in f:
            if p.x:
                count += 1
        if i == 700:
            f[1].x = 0
        if i == 900:
            f[2].x = []
    return count


print(flags(1200))
