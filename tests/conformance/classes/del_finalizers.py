# __del__ finalizers: when they run (reference counting, the cycle collector,
# interpreter exit), how often (PEP 442: once), resurrection, and errors.
import gc


class Res:
    alive = 0

    def __init__(self, name):
        self.name = name
        Res.alive += 1

    def __del__(self):
        Res.alive -= 1
        print("del", self.name)


print("-- del of the last reference runs __del__ at once")
r = Res("a")
del r
print("after del, alive =", Res.alive)

print("-- rebinding")
r = Res("b1")
r = Res("b2")
print("after rebind")
r = None
print("after None")


def scope():
    x = Res("local x")
    y = Res("local y")
    print("leaving scope")


scope()
print("after scope")


def make_and_drop():
    Res("temporary")
    print("statement after temporary")
    return Res("returned").name


print("got", make_and_drop())

print("-- a second reference keeps it alive")
r = Res("shared")
s = r
del r
print("still alive:", s.name)
del s
print("after second del")

print("-- containers")
lst = [Res("l0"), Res("l1"), Res("l2")]
del lst
print("after del list")
tup = (Res("t0"), Res("t1"))
tup = None
print("after tuple")
d = {"k0": Res("d0"), "k1": Res("d1")}
del d
print("after dict")
lst = [Res("p0"), Res("p1"), Res("p2")]
lst.pop()
print("after pop")
del lst[0]
print("after del item")
lst.clear()
print("after clear")
d = {"a": Res("da"), "b": Res("db")}
d.pop("a")
print("after dict pop")
d["b"] = 1
print("after dict overwrite")


class Holder:
    def __init__(self, name, child):
        self.name = name
        self.child = child

    def __del__(self):
        print("del holder", self.name, "child", self.child.name)


h = Holder("outer", Holder("inner", Res("leaf")))
del h
print("after nested")

o = Holder("attr", Res("attr value"))
o.child = Res("replacement")
print("after attribute rebind")
del o
print("after holder del")

print("-- inheritance and super().__del__")


class Base:
    def __del__(self):
        print("Base.__del__", type(self).__name__)


class Derived(Base):
    def __del__(self):
        print("Derived.__del__")
        super().__del__()


class Plain(Base):
    pass


Derived()
Plain()
print("after inheritance")


class Late:
    pass


late = Late()
Late.__del__ = lambda self: print("late __del__")
del late
print("after late")

print("-- resurrection: __del__ runs once")
saved = []


class Phoenix:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("Phoenix.__del__", self.n)
        saved.append(self)


p = Phoenix(1)
del p
print("resurrected:", len(saved), saved[0].n, gc.is_finalized(saved[0]))
saved.clear()
print("cleared again (no second __del__)")

print("-- exceptions in __del__ are ignored")


class Bad:
    def __del__(self):
        raise ValueError("boom in __del__")


b = Bad()
del b
print("still running")


def raiser():
    b = Bad()
    return "returned normally"


print(raiser())

print("-- cycles and gc.collect()")


class Node:
    alive = 0

    def __init__(self, name):
        self.name = name
        self.other = None
        Node.alive += 1

    def __del__(self):
        Node.alive -= 1
        # Its partner is not cleared yet (PEP 442).
        print("del node", self.name, "->", self.other.name)


a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print("before collect, alive =", Node.alive)
gc.collect()
print("after collect, alive =", Node.alive)

n = Node("self")
n.other = n
del n
gc.collect()
print("self cycle, alive =", Node.alive)

keep = []


class Clinger:
    def __init__(self, name):
        self.name = name
        self.me = self
        self.data = [1, 2, 3]

    def __del__(self):
        print("Clinger.__del__", self.name)
        keep.append(self)


c = Clinger("c")
del c
gc.collect()
print("resurrected from a cycle:", keep[0].name, keep[0].me is keep[0], keep[0].data)
keep.clear()
gc.collect()
print("no second finalizer")


def many():
    for i in range(3):
        a = Node("m%d" % i)
        a.other = Node("partner%d" % i)
        a.other.other = a


many()
gc.collect()
print("loop cycles, alive =", Node.alive)

print("-- in a loop")
for i in range(3):
    x = Res("loop%d" % i)
    print("made", i)
del x
print("after loop")

print("-- alive at exit")
g1 = Res("global 1")
g2 = Res("global 2")
g2.extra = Res("held by global 2")
g3 = Holder("global holder", g1)
print("end of program")
