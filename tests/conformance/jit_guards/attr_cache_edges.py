# Instance attributes in hot loops: shape changes, deleted attributes,
# class attributes shadowed later, properties added to the class mid-run,
# __slots__, and attributes set through setattr with computed names.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

def total(ps):
    s = 0.0
    for p in ps:
        s += p.x * p.y
    return s

ps = [P(float(i), 2.0) for i in range(100)]
for _ in range(100):
    t = total(ps)
print(t)
q = P(1.0, 1.0)
del q.x
q.x = 5.0            # x is now after y in q's dict
ps.append(q)
print(total(ps))
r = P(2.0, 3.0)
setattr(r, "x" + "", 7.0)
ps.append(r)
print(total(ps))
ps[0].y = 10         # an int now
print(total(ps))

class Q:
    scale = 2.0
    def __init__(self, v):
        self.v = v

def scaled(qs):
    s = 0.0
    for q in qs:
        s += q.v * q.scale
    return s

qs = [Q(float(i)) for i in range(50)]
for _ in range(100):
    sc = scaled(qs)
print(sc)
qs[3].scale = 100.0   # instance attribute shadows the class attribute
print(scaled(qs))
Q.scale = 3.0         # class changed
print(scaled(qs))
Q.v = property(lambda self: 1.0)   # a data descriptor now wins over the dict
print(scaled(qs))

class S:
    __slots__ = ("a", "b")
    def __init__(self, a, b):
        self.a = a
        self.b = b

def slot_sum(ss):
    s = 0
    for o in ss:
        o.a += 1
        s += o.a + o.b
    return s

ss = [S(i, i * 2) for i in range(20)]
for _ in range(100):
    z = slot_sum(ss)
print(z)

class Counter:
    def __init__(self):
        self.n = 0
    def bump(self, k):
        self.n += k
        return self.n

c = Counter()
for i in range(3000):
    c.bump(i)
print(c.n)
Counter.bump = lambda self, k: setattr(self, "n", self.n - k) or self.n
for i in range(3000):
    c.bump(1)
print(c.n)
