# A method load at a site that meets several classes remembers which
# instance dicts lack the method's name (so no attribute shadows the
# method): by the dict's shape when it has one (instances of a class share
# it), else by the dict's key version. An instance that gets an attribute
# of the method's name, one whose dict lost its shape (a deletion), one
# that had the attribute from the start, and one whose attribute is
# deleted again must each find what the interpreter finds.


class Base:
    def __init__(self, n):
        self.n = n

    def act(self):
        return self.n


class A(Base):
    def act(self):
        return self.n * 2


class B(Base):
    def act(self):
        return self.n * 3


class C(Base):
    def __init__(self, n):
        self.n = n
        self.act = lambda: -n  # shadows from the start


def run(objs, rounds):
    total = 0
    for r in range(rounds):
        for o in objs:
            total += o.act()
        if r == 300:
            # An instance attribute now shadows the method (new key: new
            # shape).
            objs[1].act = lambda: 1000
        if r == 500:
            # A deletion: the dict has no shape any more.
            del objs[2].n
            objs[2].n = 7
        if r == 600:
            objs[2].act = lambda: 2000
        if r == 700:
            del objs[1].act
        if r == 800:
            del objs[2].act
        if r == 900:
            # Another instance of the same class (same shape as its
            # siblings had) shadows it too.
            objs[3].__dict__["act"] = lambda: 3000
    return total


objs = [A(1), A(2), B(3), B(4), Base(5), C(6), A(7), B(8), Base(9)]
print(run(objs, 1200))
print([o.act() for o in objs])
print(sorted(vars(objs[2]).items()), sorted(vars(objs[3]))[:2])
