# Facts the JIT keeps about objects across moves, argument binding, inlined
# returns and constructors must not outlive what makes them true: a class
# rebound mid-loop, a method shadowed by an instance attribute set through
# setattr with a string built at run time, a finalizer that runs when an
# inlined call's locals die and changes the caller's objects, polymorphic
# callees returning objects of different shapes.


class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)

    def norm(self):
        return self.x * self.x + self.y * self.y


def total(n):
    acc = 0
    a = V(1, 2)
    for i in range(n):
        b = a + V(i, 1)
        acc += b.norm() + b.x
        if i == 300:
            V.norm = lambda self: -1
    return acc


print(1, total(600))


def shadow(n):
    acc = 0
    for i in range(n):
        v = V(i, 2)
        if i % 97 == 5:
            setattr(v, "no" + "rm", lambda: 1000)
        acc += v.norm()
    return acc


V.norm = lambda self: self.x + self.y
print(2, shadow(500))

log = []


class Dying:
    def __init__(self, target):
        self.target = target

    def __del__(self):
        log.append(1)
        self.target.x = "changed"
        self.target.extra = 5


class Box:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def helper(box, k):
    d = Dying(box) if k % 50 == 7 else None
    return k


def finalizers(n):
    acc = 0
    for i in range(n):
        box = Box(i, 2)
        first = box.x
        helper(box, i)
        acc += 1 if box.x == first else 1000
        acc += len(box.__dict__)
    return acc


print(3, finalizers(400), len(log))


class P:
    def __init__(self, x):
        self.x = x

    def make(self):
        return P(self.x + 1)


class Q(P):
    def make(self):
        r = V(self.x, 3)
        return r


def poly(n):
    acc = 0
    objs = [P(1), Q(2)]
    for i in range(n):
        r = objs[i % 2].make()
        acc += r.x + (r.y if isinstance(r, V) else 0)
    return acc


print(4, poly(700))


def rebind_class(n):
    acc = 0
    for i in range(n):
        v = V(i, i)
        acc += v.x
        if i == 250:
            V.__init__ = lambda self, x, y: setattr(self, "x", -x) or setattr(self, "y", y)
    return acc


print(5, rebind_class(500))
