# Attribute loads and stores on instances of several classes of one
# hierarchy (the JIT checks the cached dict position natively when the
# class has no descriptors or hooks): a property, __setattr__ and
# __getattribute__ added to one subclass mid-loop, attributes deleted and
# re-added (their position changes), missing attributes.


class Base:
    def __init__(self, k):
        self.k = k
        self.count = 0


class A(Base):
    pass


class B(Base):
    def __init__(self, k):
        Base.__init__(self, k)
        self.extra = 1


class C(Base):
    pass


class E(B):
    pass


def walk(objs, n):
    t = 0
    for i in range(n):
        o = objs[i % len(objs)]
        o.count += 1
        t += o.k + o.count
    return t


objs = [A(1), B(2), C(3), E(4), Base(5)]
print("walk", walk(objs, 5000))

log = []


def changes(objs, n):
    t = 0
    for i in range(n):
        if i == 1000:
            C.k = property(lambda self: 1000)
        if i == 2000:
            del C.k
            B.__setattr__ = lambda self, name, v: log.append((name, v)) or object.__setattr__(self, name, v + 1000)
        if i == 3000:
            del B.__setattr__
            A.__getattribute__ = lambda self, name: 7 if name == "k" else object.__getattribute__(self, name)
        if i == 4000:
            del A.__getattribute__
        o = objs[i % len(objs)]
        o.count += 1
        t += o.k + o.count
    return t


print("changes", changes(objs, 5000), len(log), log[:2])
print([o.count for o in objs])


def moved(objs, n):
    t = 0
    for i in range(n):
        o = objs[i % len(objs)]
        if i == 1500:
            del o.k
            o.k = 50
        if i == 2500:
            d = objs[(i + 1) % len(objs)]
            del d.count
        try:
            t += o.k + o.count
            o.count = i
        except AttributeError as e:
            t -= 1
            print("AttributeError", e)
            o.count = 0
    return t


print("moved", moved(objs, 4000))
print([sorted(vars(o)) for o in objs])
