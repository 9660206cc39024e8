# Weak references: they do not keep their referent alive; callbacks run
# when it dies; weak containers drop entries; finalize; proxies.
import gc
import re
import sys
import weakref


def addr_free(s):
    return re.sub(r"0x[0-9a-f]+", "0x...", s)


class Obj:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Obj(%s)" % self.name

    def method(self):
        return "method of " + self.name


events = []

# ref: alive, then dead; the callback gets the reference.
o = Obj("a")
r = weakref.ref(o, lambda wr: events.append(("cb a", wr is r, wr())))
print(r() is o, r.__callback__ is not None, weakref.getweakrefcount(o))
print(addr_free(repr(r)))
del o
print(r(), events)
print(addr_free(repr(r)))

# A plain reference without callback is shared; one with a callback not.
o = Obj("b")
r1 = weakref.ref(o)
r2 = weakref.ref(o)
r3 = weakref.ref(o, lambda wr: None)
print(r1 is r2, r1 is r3, r1 == r3, weakref.getweakrefcount(o), len(weakref.getweakrefs(o)))
print(hash(r1) == hash(o))
del o
print(r1 == r3, r1 == r1, r1() is None)

# A reference that dies first never calls its callback.
o = Obj("c")
r = weakref.ref(o, lambda wr: events.append("never"))
del r
del o
print(events[-1])

# Hashing: kept from when the referent lived; a dead one never hashed fails.
o = Obj("d")
r = weakref.ref(o)
h = hash(r)
del o
print(hash(r) == h)
o = Obj("e")
r = weakref.ref(o)
del o
try:
    hash(r)
except TypeError as e:
    print("TypeError:", e)

# Types that cannot be weakly referenced.
for v in (1, "s", (1,), [1], {1: 2}, 1.5, None, b"x"):
    try:
        weakref.ref(v)
    except TypeError as e:
        print("TypeError:", e)

# Functions, classes, sets can.
def f():
    pass


print(weakref.ref(f)() is f, weakref.ref(Obj)() is Obj, weakref.ref({1, 2}) is not None)
print(addr_free(repr(weakref.ref(f))))

# Callbacks run newest first.
o = Obj("f")
rs = [weakref.ref(o, lambda wr, i=i: events.append(("order", i))) for i in range(3)]
del o
print(events[-3:])

# Reference cycles: the collector frees them, the callback runs.
a = Obj("cyc")
a.me = a
r = weakref.ref(a, lambda wr: events.append("cycle freed"))
del a
print(r() is not None)
gc.collect()
print(r(), events[-1])

# __del__ runs before the references die; they die after.
class WithDel:
    def __del__(self):
        events.append(("del", wr() is self))


w = WithDel()
wr = weakref.ref(w, lambda _: events.append("withdel cb"))
del w
print(events[-2:], wr())

# WeakValueDictionary and WeakKeyDictionary drop entries.
d = weakref.WeakValueDictionary()
keep = [Obj(str(i)) for i in range(5)]
for i, v in enumerate(keep):
    d[i] = v
print(len(d), sorted(d.keys()))
del keep[1:3]
print(len(d), sorted(d.keys()), d.get(1), d[0])
try:
    d[1]
except KeyError as e:
    print("KeyError:", e)

k = weakref.WeakKeyDictionary()
ka, kb = Obj("ka"), Obj("kb")
k[ka] = 1
k[kb] = 2
del ka
print(len(k), [x.name for x in k.keys()], k[kb])

# WeakSet.
s = weakref.WeakSet()
items = [Obj("s%d" % i) for i in range(4)]
for x in items:
    s.add(x)
print(len(s))
items.pop()
items.pop()
print(len(s), sorted(x.name for x in s))

# WeakMethod.
o = Obj("m")
wm = weakref.WeakMethod(o.method)
print(wm()())
del o
print(wm())

# finalize.
o = Obj("fin")
fz = weakref.finalize(o, events.append, "finalized")
print(fz.alive)
del o
print(fz.alive, events[-1])
o = Obj("fin2")
fz = weakref.finalize(o, events.append, "called early")
print(fz(), fz.alive, fz())

# proxy.
o = Obj("p")
p = weakref.proxy(o)
print(p.name, p.method(), addr_free(repr(p))[:22])
p.name = "p2"
print(o.name)
del o
try:
    p.name
except ReferenceError as e:
    print("ReferenceError:", e)

# An exception in a callback is reported and ignored.
o = Obj("err")


def bad(wr):
    raise ValueError("callback failed")


r = weakref.ref(o, bad)
del o
print("after the failing callback")
sys.stderr.flush()

# A hot loop making and dropping referents.
alive = 0
d = weakref.WeakValueDictionary()
for i in range(3000):
    x = Obj(str(i))
    d[i % 7] = x
    if i % 3 == 0:
        keepme = x
    alive += len(d)
print(alive, len(d))

# Weak references copy as themselves; KeyedRef carries its key.
import copy

o = Obj("copy")
r = weakref.ref(o)
print(copy.copy(r) is r, copy.deepcopy(r) is r)
kr = weakref.KeyedRef(o, None, "the key")
print(kr.key, kr() is o, weakref.getweakrefcount(o))
del r, kr
print(weakref.getweakrefcount(o))

# A finalizer of an object still alive at exit runs at exit.
survivor = Obj("survivor")
weakref.finalize(survivor, print, "finalized at exit")
print("end of program")
