# Attribute caches shared across the classes of a hierarchy: instances of
# several subclasses at one site, then classes changed under the cache
# (a property, a descriptor gaining __set__, __getattribute__, __setattr__).
class Base:
    def __init__(self, v):
        self.v = v
        self.w = v * 2


class A(Base):
    pass


class B(Base):
    pass


class C(Base):
    def __init__(self, v):
        self.extra = 0
        super().__init__(v)


class D(B):
    pass


objs = [A(1), B(2), C(3), D(4), A(5)]


def total(items):
    s = 0
    for o in items:
        s += o.v + o.w
        o.w = o.w + 1
    return s


print(total(objs), total(objs))

# a property on a base now takes precedence over the instance dicts
Base.v = property(lambda self: 100)
print(total(objs))
del Base.v
print(total(objs))


# a descriptor instance that later becomes a data descriptor
class Desc:
    def __get__(self, obj, cls):
        return "desc"


B.w = Desc()
print([o.w for o in objs])
Desc.__set__ = lambda self, obj, value: print("set", value)
print([o.w for o in objs])
objs[1].w = 7
del B.w
print([o.w for o in objs])


# __getattribute__ / __setattr__ added to a subclass afterwards
def ga(self, name):
    return "ga:" + name


A.__getattribute__ = ga
print([o.v for o in objs])
del A.__getattribute__
A.__setattr__ = lambda self, name, value: print("setattr", name, value)
for o in objs:
    o.v = 9
print([o.v for o in objs])


# slots in one subclass
class S(Base):
    __slots__ = ("z",)


s = S(6)
s.z = 1
print(s.v, s.w, s.z, total([s, objs[0]]))


# class attributes shadowed by instance attributes and back
class K:
    x = "class"


k1, k2 = K(), K()
k2.x = "inst"
print([k.x for k in (k1, k2, k1)])
del k2.x
print([k.x for k in (k1, k2)])
