# Compiled code meets new classes and None results late, in phases (as a
# ray tracer meets the floor after the sky): recompilations with the failing
# sites generic, shape checks made loose after a method-cache miss, a loop of
# a function waiting for its recompilation, and a hot callee left to its
# caller's loop (callerfirst). The output must not depend on the tier.


class Disc:
    def __init__(self, r):
        self.r = r
        self.tag = "disc"

    def hit(self, x):
        if x < self.r:
            return x * 2
        return None

    def weight(self):
        return self.r + 1


class Box:
    def __init__(self, w, h):
        self.h = h
        self.w = w
        self.kind = 3
        self.tag = "box"

    def hit(self, x):
        if x < self.w * self.h:
            return x + self.w
        return None

    def weight(self):
        return self.w * self.h


def closest(objs, x):
    best = None
    best_v = None
    for o in objs:
        v = o.hit(x)
        if v is not None and (best_v is None or v < best_v):
            best_v = v
            best = o
    return best, best_v


def shade(objs, x, extra):
    obj, v = closest(objs, x)
    if obj is None:
        return -1
    w = obj.weight()
    tag = obj.tag
    total = v + w + len(tag)
    for e in extra:
        total += e * w
    return total


def small(a, b):
    return a * 3 + b


phases = [
    [Disc(50)],
    [Disc(50), Disc(70)],
    [Disc(50), Box(4, 30)],
    [Box(2, 10), Disc(5), Box(7, 7)],
]
digest = 0
for p, objs in enumerate(phases):
    for i in range(1500):
        x = (i * 7 + p) % 120
        digest = (digest * 31 + shade(objs, x, (1, p))) % 1000000007
    print(p, digest)

acc = 0
for i in range(3000):
    acc += small(i, acc % 7)
    if i == 2500:
        acc += small(1.5, 2) > 0
print(acc)
