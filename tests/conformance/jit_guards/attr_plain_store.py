# A compiled store over an attribute known to hold a number drops no
# reference; that knowledge must not outlive a store of something else
# through the same or another register (aliasing), a __dict__
# write or a deletion: the replaced object's __del__ must run when the
# interpreter runs it.


class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


class P:
    def __init__(self):
        self.v = 0.0


freed = []


class E:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        freed.append(self.n)


def alias(pairs, n, objects):
    t = 0.0
    for k in range(n):
        for a, b in pairs:
            y = E(k) if objects else k * 0.5
            x = a.v
            b.v = y
            a.v = 2.5
            t += x
    return t


p, q = P(), P()
print(alias([(p, q), (q, p)], 100, False))
print(alias([(p, p), (q, q)], 3000, True), len(freed), sum(freed))
print(alias([(p, p), (q, q)], 500, True), len(freed), sum(freed))
print("after alias")


def same(objs, n):
    for k in range(n):
        for o in objs:
            y = D(k) if k % 40 == 39 else 0.5
            x = o.v
            o.v = y
            o.v = x * 2.0
    return [o.v for o in objs]


print(same([P(), P()], 120))
print("after same")


def other_paths(objs, n):
    for k in range(n):
        for o in objs:
            x = o.v
            if k == 61:
                o.__dict__["v"] = D(200 + k)
            elif k == 62:
                del o.v
                o.v = D(300 + k)
            o.v = x + 1.0
    return [o.v for o in objs]


print(other_paths([P()], 100))
print("after other paths")


def ints_and_bools(objs, n):
    t = 0
    for k in range(n):
        for o in objs:
            x = o.v
            o.v = k % 3 == 0
            o.v = x + k
            t += o.v
    return t


print(ints_and_bools([P(), P()], 100))
o = P()
o.v = 5
print(ints_and_bools([o], 50))
