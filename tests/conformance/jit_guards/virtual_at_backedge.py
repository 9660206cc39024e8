# A loop whose objects live across its back-edge (allocated there from
# values kept unboxed in the loop body) while the cycle collector becomes
# due at that back-edge now and then (garbage cycles made in the loop).
import gc


class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)


class Node:
    def __init__(self):
        self.me = self


def drift(c, b, n):
    d = Vec(0.0, 0.0, 0.0)
    for i in range(n):
        c = c - b
        d = d + c
        Node()
    return c, d


c, d = drift(Vec(1.0, 2.0, 3.0), Vec(0.5, 0.25, 0.125), 40000)
print(c.x, c.y, c.z)
print(d.x, d.y, d.z)
print(gc.collect() >= 0)


def chain(n):
    # Each object refers to the one before: allocated at the back-edge
    # with its field another object just allocated.
    head = None
    v = Vec(0, 0, 0)
    total = 0
    for i in range(n):
        v = v + Vec(1, 2, 3)
        head = (v, head) if i % 1000 == 0 else head
        Node()
        total += v.z
    k = 0
    while head is not None:
        k += head[0].x
        head = head[1]
    return total, k, v.x


print(chain(30000))
