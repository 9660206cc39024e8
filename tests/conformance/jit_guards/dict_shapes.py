# Instance dicts share key layouts (shapes): compiled code checks an
# object's class version and shape once, then reads and writes its
# attributes at fixed positions with no key check. Every way a dict can
# leave its shape (deleted, added or reordered attributes, `__dict__`
# edits, non-str keys, equal but distinct key strings), the class can
# change (`__class__` reassignment, properties, `__setattr__`,
# `__getattribute__` added mid-loop) or a value can change type must be
# seen.


class Body:
    def __init__(self, x, y, vx, vy, m):
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy
        self.m = m


def step(pairs, bodies, dt):
    for a, b in pairs:
        dx = a.x - b.x
        dy = a.y - b.y
        d2 = dx * dx + dy * dy + 0.01
        ma = a.m / d2
        mb = b.m / d2
        a.vx -= dx * mb
        a.vy -= dy * mb
        b.vx += dx * ma
        b.vy += dy * ma
    for o in bodies:
        o.x += dt * o.vx
        o.y += dt * o.vy


def system(n):
    bodies = [Body(float(i), float(i * i % 7), 0.1 * i, -0.2 * i, 1.0 + i) for i in range(n)]
    pairs = [(bodies[i], bodies[j]) for i in range(n) for j in range(i + 1, n)]
    return bodies, pairs


def total(bodies):
    try:
        return round(sum(o.x + o.y + o.vx + o.vy for o in bodies), 6)
    except (AttributeError, TypeError) as e:
        return type(e).__name__


def run(label, mutate, steps=1500):
    bodies, pairs = system(4)
    out = []
    for s in range(steps):
        try:
            mutate(s, bodies, pairs)
            step(pairs, bodies, 0.001)
        except (AttributeError, TypeError) as e:
            out.append((s, type(e).__name__, str(e)))
            if len(out) > 40:
                break
    print(label, total(bodies), len(out), out[:2])


def nothing(s, bodies, pairs):
    pass


def reorder(s, bodies, pairs):
    # Same attributes in another insertion order: another shape.
    if s % 3 == 0:
        o = bodies[s % 4]
        d = dict(o.__dict__)
        o.__dict__.clear()
        for k in reversed(list(d)):
            setattr(o, k, d[k])


def delete_readd(s, bodies, pairs):
    if s % 5 == 0:
        o = bodies[1]
        v = o.vx
        del o.vx
        o.vx = v


def extra_attr(s, bodies, pairs):
    if s == 700:
        for i, o in enumerate(bodies):
            o.tag = i
    if s == 900:
        del bodies[2].tag


def dict_edits(s, bodies, pairs):
    o = bodies[s % 4]
    if s % 7 == 0:
        o.__dict__["x"] = o.__dict__["x"] + 0.5
    if s % 11 == 0:
        o.__dict__.pop("y")
        o.__dict__["y"] = 1.0
    if s % 13 == 0:
        k, v = o.__dict__.popitem()
        o.__dict__[k] = v
    if s == 400:
        bodies[0].__dict__[5] = "int key"
    if s == 401:
        del bodies[0].__dict__[5]


def distinct_key_objects(s, bodies, pairs):
    # A key equal to "x" but not the interned name: a shape of its own.
    if s == 300:
        o = bodies[0]
        d = dict(o.__dict__)
        o.__dict__.clear()
        for k in d:
            setattr(o, "".join(list(k)), d[k])


def float_to_int(s, bodies, pairs):
    if s == 500:
        bodies[2].vx = 3
        bodies[3].x = True
    if s == 800:
        bodies[1].vy = 10 ** 30


def to_none(s, bodies, pairs):
    if s == 600:
        bodies[0].vx = None
    if s == 620:
        bodies[0].vx = 0.25


def missing(s, bodies, pairs):
    if s in (200, 201, 950):
        del bodies[s % 4].y
    if s in (202, 951):
        for o in bodies:
            if not hasattr(o, "y"):
                o.y = 0.0


class Other:
    def __init__(self):
        self.hits = 0

    @property
    def x(self):
        self.hits += 1
        return self._x

    @x.setter
    def x(self, v):
        self._x = v * 0.5


class Twin:
    # Not a subclass: `Body` has none, so its sites record shapes.
    pass


def reassign_class(s, bodies, pairs):
    if s == 600:
        bodies[1].__class__ = Twin
    if s == 800:
        bodies[1].__class__ = Body
    if s == 900:
        bodies[2].__class__ = Other
        bodies[2]._x = bodies[2].__dict__.pop("x")
        bodies[2].hits = 0
    if s == 910:
        print("property read", bodies[2].hits > 0)
        bodies[2].__class__ = Body
        bodies[2].x = bodies[2]._x
        del bodies[2].hits
        del bodies[2]._x


def class_hooks(s, bodies, pairs):
    if s == 500:
        Body.x = property(lambda self: 7.0, lambda self, v: None)
    if s == 600:
        del Body.x
        for o in bodies:
            o.__dict__.setdefault("x", 1.0)
    if s == 700:
        def setattr_(self, k, v):
            object.__setattr__(self, k, v * 1.0 if k == "vx" else v)
        Body.__setattr__ = setattr_
    if s == 800:
        del Body.__setattr__
    if s == 900:
        def getattribute(self, k):
            v = object.__getattribute__(self, k)
            return v * 0.5 if k == "m" else v
        Body.__getattribute__ = getattribute
    if s == 1000:
        del Body.__getattribute__


for label, f in [
    ("plain", nothing),
    ("reorder", reorder),
    ("delete_readd", delete_readd),
    ("extra_attr", extra_attr),
    ("dict_edits", dict_edits),
    ("distinct_keys", distinct_key_objects),
    ("float_to_int", float_to_int),
    ("to_none", to_none),
    ("missing", missing),
    ("reassign_class", reassign_class),
    ("class_hooks", class_hooks),
]:
    run(label, f)


# Objects of two unrelated classes with the same attribute names, and
# of one class with two shapes, through the same sites.
class A:
    def __init__(self, v):
        self.v = v
        self.w = v + 1


class B:
    def __init__(self, v):
        self.w = v + 1
        self.v = v


def mixed(objs, n):
    t = 0
    for i in range(n):
        o = objs[i % len(objs)]
        t += o.v * 2 + o.w
        o.v = o.v + 1
        t -= o.w
    return t


print("mixed classes", mixed([A(1)] * 3 + [B(2)], 4000))
a1 = A(1)
a2 = A(2)
a2.__dict__.clear()
a2.w = 5
a2.v = 3
print("mixed shapes", mixed([a1, a1, a1, a1, a2], 4000), a1.v, a2.v)


# The dict changes shape between two reads of the same object in one
# iteration (a call in between), or gets a value of another type through
# `__dict__`.
def reshuffle(o):
    d = dict(o.__dict__)
    o.__dict__.clear()
    for k in sorted(d, reverse=len(d) % 2 == 0):
        setattr(o, k, d[k])
    o.z = 1.0


def within(objs, n):
    t = 0.0
    for i in range(n):
        o = objs[i % 2]
        t += o.x
        if i % 50 == 7:
            reshuffle(o)
        if i % 90 == 11:
            o.__dict__["y"] = 3
        t += o.y * 2 + o.x
        o.x = o.x + 0.5
    return t, [sorted(vars(o).items()) for o in objs]


print("within", within([Body(1.0, 2.0, 3.0, 4.0, 5.0), Body(0.5, 1.5, 2.5, 3.5, 4.5)], 3000))


# Another register holds the same object: a store through it changes the
# attribute's type under a register that has just read it as a float.
def alias(n):
    o = Body(0.5, 1.5, 2.5, 3.5, 4.5)
    p = o
    t = 0.0
    for i in range(n):
        t += o.x
        if i % 100 == 5:
            p.x = 1
        if i % 100 == 6:
            p.x = True
        o.x = o.x + 0.5
        o.vy = o.vy * 0.5
        if i % 300 == 7:
            p.vy = 2
        t += o.vy
    return t, o.x, o.vy, type(o.x).__name__


print("alias", alias(3000))


# Dicts themselves keep their meaning whatever their shapes.
def dict_ops():
    d = {}
    for i in range(300):
        d["k%d" % i] = i
        if i % 3 == 0:
            del d["k%d" % (i // 2)]
    e = dict.fromkeys(["a", "b", "c"])
    e.clear()
    e["c"] = 1
    e["a"] = 2
    f = {"c": 1, "a": 2}
    print(len(d), list(d)[:5], e == f, list(e), list(f))
    g = {}
    g[1] = "x"
    g["s"] = "y"
    del g[1]
    g["t"] = "z"
    print(g)


dict_ops()


# Deep recursion through a method that reads attributes (compiled whole).
class Node:
    def __init__(self, v, nxt):
        self.v = v
        self.nxt = nxt

    def sum(self):
        if self.nxt is None:
            return self.v
        return self.v + self.nxt.sum()


head = None
for i in range(500):
    head = Node(float(i), head)
print("recursion", head.sum())
for i in range(0, 500, 50):
    n = head
    for _ in range(i):
        n = n.nxt
    n.v = int(n.v)
print("recursion", head.sum())
