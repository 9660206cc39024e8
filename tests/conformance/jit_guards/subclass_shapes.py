# Attribute sites on instances of subclasses: the interpreter's cache
# records the dict's shape for them too, and compiled code checks the
# shape once per object. A site that met one class when compiled and
# meets others later (another subclass, the base class, a dict with its
# keys in another order, keys added or deleted, a class whose attribute
# becomes a property) must still read and write the right values.


class Base:
    def __init__(self, x):
        self.x = x
        self.y = x * 2

    def total(self):
        return self.x + self.y


class A(Base):
    def __init__(self, x):
        Base.__init__(self, x)
        self.a = 1

    def bump(self):
        self.x += self.a
        return self.x


class B(Base):
    def __init__(self, x):
        self.b = 5
        Base.__init__(self, x)

    def bump(self):
        self.x += self.b
        return self.x


def run_totals(objs, n):
    s = 0
    for i in range(n):
        o = objs[i % len(objs)]
        s += o.total() + o.x
    return s


def run_bumps(objs, n):
    s = 0
    for i in range(n):
        o = objs[i % len(objs)]
        s += o.bump()
        s += o.y
    return s


# Monomorphic first (compiled for A), then B and Base arrive.
as_only = [A(i) for i in range(5)]
print(run_totals(as_only, 3000))
mixed = [A(1), B(2), Base(3), A(4), B(5)]
print(run_totals(mixed, 3000))
print(run_bumps(as_only, 3000))
print(run_bumps([A(1), B(2)], 3000))

# Same class, dicts of different shapes: keys added in another order,
# an extra key, a key deleted and re-added.
odd = A(7)
del odd.x
odd.x = 9
extra = A(8)
extra.z = 3
print(run_totals(as_only + [odd, extra], 3000))
print(run_bumps([odd, extra, A(2)], 3000))


# A subclass attribute turned into a property after compilation.
def read_y(objs, n):
    s = 0
    for i in range(n):
        s += objs[i % len(objs)].y
    return s


cs = [A(i) for i in range(4)]
print(read_y(cs, 3000))
A.y = property(lambda self: -100)
print(read_y(cs, 3000))
del A.y
print(read_y(cs, 3000))


# A new subclass defined after compilation, with its own layout.
class C(A):
    __slots__ = ()


cs2 = [A(3), C(4)]
print(read_y(cs2, 3000), run_totals(cs2, 3000), run_bumps(cs2, 3000))
