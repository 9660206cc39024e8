# A method call site in a hot loop that sees two classes (each with its own
# method), then an instance whose dict shadows the method, then a class
# whose method is replaced mid-loop, then a third class: compiled code
# must call what the interpreter would.
class A:
    def f(self, x):
        return x + 1


class B:
    def f(self, x):
        return x * 2


class C(A):
    pass


def run(objs, n):
    total = 0
    for i in range(n):
        o = objs[i % len(objs)]
        total += o.f(i)
        if i == n // 2:
            objs[0].f = lambda x: -x
        if i == 3 * n // 4:
            B.f = lambda self, x: 1000
    return total


print(run([A(), B()], 4000))
print(run([B(), A(), C()], 4000))
print(run([C(), C(), B()], 3000))


def shapes(items):
    s = 0.0
    for it in items:
        s += it.area()
    return s


class Sq:
    def __init__(self, a):
        self.a = a

    def area(self):
        return self.a * self.a


class Ci:
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3.0 * self.r * self.r


items = [Sq(i) if i % 3 else Ci(i) for i in range(3000)]
print(shapes(items))
Ci.area = lambda self: 0.5
print(shapes(items))
del Ci.area
try:
    print(shapes(items))
except AttributeError as e:
    print("AttributeError:", e)
