# Method calls and attribute stores through the inline caches when the
# instance dict shadows a method, gains attributes in odd ways, or a site
# sees several receiver kinds (builtin types included).


class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return abs(self.x) + abs(self.y)

    def tag(self):
        return "method"


def call_all(objs):
    out = []
    for o in objs:
        out.append(o.tag())
    return out


# A warm site, then an instance whose dict shadows the method.
vs = [V(i, -i) for i in range(50)]
print(call_all(vs)[:2])
s = V(1, 2)
s.tag = lambda: "instance attr"
print(call_all([vs[0], s, vs[1]]))
s.__dict__["norm"] = lambda: -1
print(s.norm(), vs[3].norm())
del s.tag
print(call_all([s]))
setattr(s, "tag", lambda: "setattr")
print(call_all([s, vs[2]]))

# A shadowing key added through vars() on a fresh instance, before and
# after its other attributes.
t = V(3, 4)
vars(t)["tag"] = lambda: "vars"
print(call_all([t]), t.norm())
u = V.__new__(V)
u.__dict__["tag"] = lambda: "before init"
V.__init__(u, 5, 6)
print(call_all([u]), u.norm(), sorted(vars(u)))

# Many attributes (a dict past the small size), one of them a method name.
class Wide:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "a%d" % i, i)

    def tag(self):
        return "wide method"


ws = [Wide(12) for _ in range(3)]
print(call_all(ws))
ws[1].tag = lambda: "wide attr"
print(call_all(ws))

# The class's method replaced, and __class__ switched, at a warm site.
def other_tag(self):
    return "replaced"


V.tag = other_tag
print(call_all([vs[0], s]))


class W:
    def tag(self):
        return "W"


vs[4].__class__ = W
print(call_all([vs[4], vs[5]]))

# New attributes in __init__ after the class gained a data descriptor of
# that name.
class P:
    def __init__(self, v):
        self.v = v
        self.w = v * 2


ps = [P(i) for i in range(20)]
print(ps[-1].v, ps[-1].w, sorted(vars(ps[-1])))


def w_get(self):
    return "prop"


def w_set(self, value):
    self.__dict__["w_set"] = value


P.w = property(w_get, w_set)
q = P(7)
print(q.v, q.w, sorted(vars(q)))
del P.w
r = P(8)
print(r.v, r.w, sorted(vars(r)))

# One method-call site seeing builtin receivers of several types.
def first_count(items):
    out = []
    for it in items:
        out.append(it.count(it[0]))
    return out


print(first_count([[1, 1, 2], (1, 3), [4], "1x1", (1, 1, 1), [1]]))


def pops(items):
    out = []
    for it in items:
        out.append(it.pop())
    return out


print(pops([[1, 2], {3, 4} and [5], {"k": 1}.copy() and [6, 7], [8]]))
try:
    print(pops([[1], {1: 2}]))
except TypeError as e:
    print("TypeError:", e)


class L(list):
    def pop(self, *a):
        return "subclass pop"


print(pops([[1], L([2]), [3]]))
