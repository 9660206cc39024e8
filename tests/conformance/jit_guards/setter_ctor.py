# Constructors whose __init__ only stores its parameters (the JIT creates the
# instance and fills its dict in one helper call): the same parameter stored
# twice, __init__ replaced mid-loop, __setattr__ and a property added to the
# class mid-loop, wrong argument counts, finalizers of the arguments, deep
# recursion reaching the limit inside a constructor call.
import sys


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Twice:
    def __init__(self, a, b):
        self.first = a
        self.second = b
        self.again = a


def build(n):
    t = 0
    for i in range(n):
        p = P(i, 2.5 * i)
        w = Twice(p, i)
        t += p.x + p.y + w.again.x + w.second
    return t


print("build", build(5000))
print(sorted(vars(Twice(1, 2)).items()))


def replaced(n):
    t = 0
    for i in range(n):
        if i == 2000:
            def init(self, x, y):
                self.x = x * 100
                self.y = y
            P.__init__ = init
        t += P(i, 1).x
    return t


print("replaced", replaced(4000))
P.__init__ = lambda self, x, y: None
del P.__init__


def init(self, x, y):
    self.x = x
    self.y = y


P.__init__ = init
log = []


def hooked(n):
    t = 0
    for i in range(n):
        if i == 1500:
            def setattr_(self, name, v):
                log.append(name)
                object.__setattr__(self, name, v + 1)
            P.__setattr__ = setattr_
        if i == 2500:
            del P.__setattr__
            P.y = property(lambda self: -7, lambda self, v: log.append("prop"))
        p = P(i, i)
        t += p.x + p.y
    return t


print("hooked", hooked(4000), len(log), log[:3], log[-3:])
del P.y


def wrong(n):
    t = 0
    for i in range(n):
        try:
            if i % 1000 == 999:
                p = P(i)
            else:
                p = P(i, 1)
            t += p.x
        except TypeError as e:
            t += 1000000
            last = str(e)
    return t, last


print("wrong", wrong(3000))

freed = []


class D:
    def __init__(self, k):
        self.k = k

    def __del__(self):
        freed.append(self.k)


class Holder:
    def __init__(self, d, n):
        self.d = d
        self.n = n


def holders(n):
    h = None
    for i in range(n):
        h = Holder(D(i), i)
    return h.n


print("holders", holders(3000), len(freed), freed[:3], freed[-3:])

# The recursion limit reached while constructing.
sys.setrecursionlimit(200)
depth = 0


def deep(n):
    global depth
    depth = n
    p = P(n, n)
    return deep(p.x + 1)


for attempt in range(8):
    try:
        deep(0)
    except RecursionError as e:
        print("RecursionError", depth, e)
