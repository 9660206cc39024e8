# Operator methods of user classes in hot loops (inlined by the JIT):
# NotImplemented and the reflected method, subclasses with their own
# reflected method, mixed operand types, a class changed mid-loop.
class V:
    def __init__(self, x):
        self.x = x
    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x)
        return NotImplemented
    def __radd__(self, o):
        return V(self.x + o + 1000)
    def __sub__(self, o):
        return V(self.x - o.x)
    def __mul__(self, k):
        return V(self.x * k)
    __rmul__ = __mul__

a = V(0)
for i in range(3000):
    a = a + V(1)
    a = a - V(0.5) if i % 2 else a * 1
print(a.x)
b = 0
for i in range(3000):
    b = i + V(1) if i % 500 == 0 else b
print(b.x)

class W(V):
    def __radd__(self, o):
        return "W.__radd__"
r = []
for i in range(2000):
    r.append(V(1) + W(2) if i % 1000 == 0 else None)
print([x if not isinstance(x, V) else x.x for x in r if x is not None])

class P:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return P(self.v + o.v)
p = P(0)
for i in range(3000):
    if i == 1500:
        P.__add__ = lambda s, o: P(s.v - o.v)
    p = p + P(2)
print(p.v)
try:
    for i in range(3000):
        p = p + (P(1) if i < 2500 else 5)
except AttributeError as e:
    print("AttributeError:", e)
class Q:
    def __init__(self, v):
        self.v = v
    def __mul__(self, o):
        return self.v * o
try:
    t = 0
    for i in range(3000):
        t += Q(i) * (2 if i < 2990 else "x")
except TypeError as e:
    print("TypeError:", e)
print(t)
