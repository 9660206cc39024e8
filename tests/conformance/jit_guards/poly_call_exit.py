# A method call site that met two classes, each with a small method (both
# inlined in the compiled loop): a receiver of a third class, an instance
# attribute shadowing the method, a receiver that is not an instance, and
# methods that change the objects whose attributes the loop reads after
# the call.


class Box:
    def __init__(self, v):
        self.v = v


class A:
    def __init__(self, box):
        self.box = box
        self.n = 1

    def step(self, x):
        return x + self.n


class B:
    def __init__(self, box):
        self.box = box
        self.n = 2

    def step(self, x):
        return x * self.n


class C:
    def __init__(self, box):
        self.box = box
        self.n = 3

    def step(self, x):
        return x - self.n


def run(objs, box, rounds):
    total = 0
    for i in range(rounds):
        o = objs[i % len(objs)]
        before = box.v
        total += o.step(i)
        # `box` was read before the call: the read after it must see
        # what the call did to it.
        total += box.v - before
    return total


box = Box(0)
pair = [A(box), B(box)]
print(run(pair, box, 3000))
# A third class at the same site.
print(run(pair + [C(box)], box, 3000))
# Then a fourth (the site has now met more classes than its cache names).


class D(A):
    def step(self, x):
        return -x


print(run([A(box), B(box), C(box), D(box)], box, 3000))


# Methods that change the box the loop reads after the call.
class Grow:
    def __init__(self, box):
        self.box = box

    def step(self, x):
        self.box.v += 1
        return x


class Swap:
    def __init__(self, box):
        self.box = box

    def step(self, x):
        self.box.v = "s" if x == 2500 else self.box.v
        return 0


def run2(objs, box, rounds):
    out = []
    for i in range(rounds):
        o = objs[i % 2]
        r = o.step(i)
        v = box.v
        if isinstance(v, str):
            out.append((i, v))
            box.v = 0
        out.append(r) if i % 997 == 0 else None
    return out


b2 = Box(0)
print(run2([Grow(b2), Swap(b2)], b2, 3000), b2.v)


# The receiver's own attributes change shape in one branch.
class P:
    def __init__(self):
        self.a = 1

    def m(self, x):
        return self.a + x


class Q:
    def __init__(self):
        self.a = 2

    def m(self, x):
        if x == 2001:
            # (Another shape: `a` now after `b`.)
            del self.a
            self.b = 5
            self.a = 9
            return 0
        return self.a * x


def run3(objs, rounds):
    t = 0
    for i in range(rounds):
        o = objs[i % 2]
        t += o.m(i)
        t += o.a
    return t


print(run3([P(), Q()], 3000))


# An instance attribute shadows the method; then a receiver that is not
# an instance.
def run4(objs, rounds):
    t = 0
    for i in range(rounds):
        t += objs[i % len(objs)].step(i)
    return t


a, b = A(box), B(box)
print(run4([a, b], 2000))
a.step = lambda x: 7
print(run4([a, b], 2000))
try:
    print(run4([A(box), B(box), 5], 2000))
except AttributeError as e:
    print("AttributeError:", e)


# What one method's return value is known to be (its attributes read in
# the method) does not hold for the other's.
class Pt:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Other:
    def __init__(self, y, x):
        self.y = y
        self.x = x


class GetP:
    def __init__(self):
        self.p = Pt(1, 2)

    def get(self):
        p = self.p
        return p if p.x > -1 else None


class GetQ:
    def __init__(self):
        self.q = Other(5, 6)

    def get(self):
        q = self.q
        return q if q.y > -1 else None


def run5(objs, rounds):
    t = 0
    for i in range(rounds):
        r = objs[i % 2].get()
        t += r.x * 10 + r.y
    return t


print(run5([GetP(), GetQ()], 3000))
print(run5([GetQ(), GetP()], 3000))


# One method stores into an object the loop reads after the call (on
# paths not taken before the loop was compiled), the other does not.
class Pure:
    def __init__(self, box):
        self.box = box

    def step(self, x):
        return x & 1


class Mut:
    def __init__(self, box):
        self.box = box

    def step(self, x):
        if x == 1501 or x == 1500:
            self.box.v = "changed"
        elif x == 1503 or x == 1504:
            self.box.v = 2.5
        return 0


def run6(objs, box, rounds):
    out = []
    for i in range(rounds):
        seen = box.v
        r = objs[i % 2].step(i)
        now = box.v
        if now != seen:
            out.append((i, now))
            box.v = 7
        out.append(r) if i % 1000 == 0 else None
    return out


b6 = Box(7)
print(run6([Pure(b6), Mut(b6)], b6, 3000))
b6 = Box(7)
print(run6([Mut(b6), Pure(b6)], b6, 3000))
