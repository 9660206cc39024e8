# Instance dicts and the cycle collector: an instance's dict handed out
# through __dict__ or vars() stays alive and intact after its instance goes,
# cycles through instance dicts are freed, and freed instances' storage is
# reused without leaking attributes into new instances.
import gc


class Node:
    def __init__(self, name):
        self.name = name


class Other:
    pass


# Cycles through instance dicts are collected.
gc.collect()
for i in range(100):
    a = Node("a")
    b = Node("b")
    a.peer = b
    b.peer = a
del a, b
print("collected pairs:", gc.collect() >= 200)

# A self-cycle whose dict was handed out: the dict outlives the instance
# and keeps what it holds.
n = Node("self")
n.me = n
d = n.__dict__
del n
gc.collect()
print(sorted(d), d["name"], d["me"].name, d["me"].__dict__ is d)
d["me"] = None
print(gc.collect() >= 1)

# vars() gives the same dict; changing it changes the instance.
m = Node("m")
v = vars(m)
v["extra"] = 42
print(m.extra, v is m.__dict__, sorted(vars(m)))
del m
print(sorted(v))

# A dict reachable only from its instance inside a garbage cycle, holding
# a container that is reachable from outside: the container survives.
keep = [1, 2, 3]
c = Node("c")
c.keep = keep
c.me = c
del c
gc.collect()
print(keep)

# Freed instances do not leak attributes into new ones, of any class.
for i in range(200):
    x = Node(i)
    x.tmp = [i]
    del x
fresh = Other()
print(vars(fresh), hasattr(fresh, "name"), hasattr(fresh, "tmp"))
fresh2 = Node("fresh")
print(sorted(vars(fresh2)), type(fresh2).__name__)

# Chains of instances freed at once (each frees the next).
head = None
for i in range(5000):
    node = Node(i)
    node.next = head
    head = node
del node
head = None
print("chain freed")

# Class assignment, then the instance is freed and its storage reused.
y = Node("y")
y.__class__ = Other
print(type(y).__name__, y.name)
del y
z = Node("z")
print(type(z).__name__, z.name, sorted(vars(z)))


# Finalizers still run once, and resurrection keeps the attributes.
class Fin:
    saved = []

    def __init__(self, v):
        self.v = v

    def __del__(self):
        print("del", self.v)
        Fin.saved.append(self)


f = Fin(1)
del f
print(Fin.saved[0].v, vars(Fin.saved[0]))
Fin.saved.clear()
print("after clear")

# Slots and dict together.
class Slotted:
    __slots__ = ("a", "__dict__")

    def __init__(self):
        self.a = 1
        self.b = 2


s = Slotted()
print(s.a, s.b, vars(s))
del s
t = Slotted()
print(t.a, t.b)

# Exceptions keep their attributes.
class MyError(Exception):
    def __init__(self, msg):
        super().__init__(msg)
        self.code = 7


for i in range(3):
    try:
        raise MyError("boom %d" % i)
    except MyError as e:
        print(e, e.code, e.args)
