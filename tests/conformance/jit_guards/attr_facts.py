# Compiled loops remember where an attribute of an object lives after the
# first guarded access; every way the object, its class or its dict can
# change in between must make them look again.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def grow(o, i):
    # Many new attributes: the dict's entries move.
    for k in range(i % 7):
        setattr(o, "extra%d" % k, k)


def same_object_many_reads(n):
    p = P(1.5, 2.5)
    t = 0.0
    for i in range(n):
        t += p.x * p.y + p.x
        p.x = p.x + 1.0
        t += p.x
    return t, p.x


def dict_grows_between(n):
    p = P(1, 2)
    t = 0
    for i in range(n):
        t += p.x
        grow(p, i)
        t += p.x + p.y
        p.y = i
    return t, sorted(vars(p))


def rebinding(n):
    # The register changes: x = x.next walks a list.
    class Node:
        def __init__(self, v, nxt):
            self.v = v
            self.next = nxt
    head = None
    for i in range(20):
        head = Node(i, head)
    t = 0
    for i in range(n):
        x = head
        while x is not None:
            t += x.v
            x = x.next
    return t


class Q:
    def __init__(self):
        self.a = 1
        self.b = 2


def class_change(n):
    q = Q()
    t = 0
    for i in range(n):
        t += q.a
        if i == n // 2:
            Q.a = property(lambda self: 100)
        t += q.a
    del Q.a
    return t


class R:
    def __init__(self):
        self.a = 1


class S:
    def __init__(self):
        self.a = 5


def class_swap(n):
    r = R()
    t = 0
    for i in range(n):
        t += r.a
        if i % 3 == 0:
            r.__class__ = S if r.__class__ is R else R
        r.a = r.a + 1
        t += r.a
    return t


def delete_and_readd(n):
    p = P(1, 2)
    t = 0
    for i in range(n):
        t += p.x + p.y
        if i % 5 == 0:
            del p.x
            p.x = i
        t += p.x
    return t


class Logged:
    log = 0

    def __init__(self):
        self.v = 0

    def __setattr__(self, name, value):
        Logged.log += 1
        object.__setattr__(self, name, value)


def setattr_hook(n):
    o = Logged()
    for i in range(n):
        v = o.v
        o.v = v + 1
        o.v = o.v + 1
    return o.v, Logged.log


def vars_write(n):
    p = P(0, 0)
    t = 0
    for i in range(n):
        t += p.x
        vars(p)["x"] = i
        t += p.x
        if i % 4 == 0:
            p.__dict__ = {"x": -i, "y": 0}
        t += p.x
    return t


def mixed_classes(n):
    objs = [P(1, 2), R(), P(3, 4), S()]
    t = 0
    for i in range(n):
        o = objs[i % 4]
        t += o.x if isinstance(o, P) else o.a
    return t


def shadowing_getattr(n):
    class G:
        def __init__(self):
            self.a = 1

        def __getattr__(self, name):
            return 7
    g = G()
    t = 0
    for i in range(n):
        t += g.a
        if i % 10 == 9:
            del g.a
            t += g.a
            g.a = i
    return t


class Base:
    def __init__(self, i):
        self.a = i
        self.b = i * 2


class WithProperty(Base):
    @property
    def b(self):
        return self._b + 1000

    @b.setter
    def b(self, v):
        self._b = v


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, i):
        self.a = i
        self.b = i * 2


class Err(Exception):
    def __init__(self, i):
        super().__init__(i)
        self.a = i
        self.args = (i, i)


def new_attributes(n):
    # Stores of new attributes (no cached position) from a hot loop.
    t = 0
    for i in range(n):
        for cls in (Base, WithProperty, Slotted, Err):
            o = cls(i)
            t += o.a + o.b if not isinstance(o, Err) else o.a + sum(o.args)
        if i == n // 2:
            def hook(self, name, value):
                object.__setattr__(self, name, value + 1)
            Base.__setattr__ = hook
    del Base.__setattr__
    try:
        Slotted(1).c = 5
    except AttributeError as e:
        print("AttributeError:", e)
    return t


def branchy(n):
    # Facts flow into a join only when every path into it keeps them.
    p = P(1, 2)
    q = P(5, 6)
    t = 0
    for i in range(n):
        t += p.x
        if i % 4 == 0:
            grow(p, i)
        elif i % 4 == 1:
            p.__dict__ = {"x": i, "y": 0}
        elif i % 4 == 2:
            p = q if p is not q else P(i, i)
        else:
            t += p.y
        t += p.x + p.y
        if p.x > 10:
            p.x = p.x - 7
        else:
            p.y = p.y + 1
        t += p.x * 2 + p.y
    return t


for f in (branchy, new_attributes, same_object_many_reads, dict_grows_between, rebinding, class_change, class_swap,
          delete_and_readd, setattr_hook, vars_write, mixed_classes, shadowing_getattr):
    print(f.__name__, f(3000))
