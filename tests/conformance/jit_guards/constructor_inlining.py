# Instances created in hot loops (the JIT inlines __init__): errors inside
# __init__, __init__ returning a value, the class changed mid-loop, __new__
# overridden, instances of subclasses.
class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)

acc = V(0, 0)
for i in range(3000):
    acc = acc + V(i, 2 * i)
print(acc.x, acc.y)

class Picky:
    def __init__(self, n):
        if n == 2500:
            raise ValueError("bad n %d" % n)
        self.n = n

total = 0
try:
    for i in range(3000):
        total += Picky(i).n
except ValueError as e:
    print("ValueError:", e, total)

class Returns:
    def __init__(self, n):
        self.n = n
        if n > 2000:
            return n

try:
    for i in range(3000):
        Returns(i)
except TypeError as e:
    print("TypeError:", e, i)

class Changing:
    def __init__(self, n):
        self.n = n

out = 0
for i in range(3000):
    if i == 1500:
        def new_init(self, n):
            self.n = -n
        Changing.__init__ = new_init
    out += Changing(i).n
print(out)

class Counted:
    made = 0
    def __new__(cls, *args):
        Counted.made += 1
        return super().__new__(cls)
    def __init__(self, v):
        self.v = v

s = 0
for i in range(2000):
    s += Counted(i).v
print(s, Counted.made)

class Base:
    def __init__(self, v):
        self.v = v
class Child(Base):
    pass
t = 0
for i in range(3000):
    o = Base(i) if i % 3 else Child(i)
    t += o.v if type(o) is Base else -o.v
print(t)

def make_deep(n):
    items = []
    for i in range(n):
        items.append(V(float(i), float(-i)))
    return items
print(len(make_deep(5000)), make_deep(3000)[-1].x)
