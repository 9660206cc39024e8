# Method calls whose receivers are instances of several classes (the JIT
# checks the receiver's class against a per-site table of the classes met):
# overridden and inherited methods over many classes, methods replaced on the
# class mid-loop, instance attributes shadowing a method, classes with
# __getattribute__, properties and __getattr__ arriving mid-loop, exceptions
# inside the called methods.


class Shape:
    def __init__(self, k):
        self.k = k

    def area(self):
        return self.k

    def scaled(self, f):
        return self.area() * f

    def kind(self):
        return 0


class Sq(Shape):
    def area(self):
        return self.k * self.k

    def kind(self):
        return 1


class Tri(Shape):
    def area(self):
        return self.k * self.k // 2

    def kind(self):
        return 2


class Circ(Shape):
    def area(self):
        return 3 * self.k * self.k

    def kind(self):
        return 3


class Rect(Shape):
    def __init__(self, k):
        Shape.__init__(self, k)
        self.w = k + 1

    def area(self):
        return self.k * self.w

    def kind(self):
        return 4


def total(shapes, n):
    t = 0
    for i in range(n):
        s = shapes[i % len(shapes)]
        t += s.area() + s.kind() + s.scaled(2)
    return t


shapes = [Shape(1), Sq(2), Tri(3), Circ(4), Rect(5), Sq(6)]
print("plain", total(shapes, 5000))


# A method replaced on one class mid-loop; an inherited method replaced on
# the base class.
def replace_mid(shapes, n):
    t = 0
    for i in range(n):
        if i == 2000:
            Tri.area = lambda self: -self.k
        if i == 3000:
            Shape.scaled = lambda self, f: 1000 + f
        s = shapes[i % len(shapes)]
        t += s.area() + s.scaled(3)
    return t


print("replaced", replace_mid(shapes, 5000))
del Tri.area
Shape.scaled = lambda self, f: self.area() * f


# An instance attribute shadows a method mid-loop (and goes away again).
def shadow(shapes, n):
    t = 0
    for i in range(n):
        if i == 1500:
            shapes[2].area = lambda: 100000
            shapes[3].kind = lambda: 7
        if i == 3500:
            del shapes[2].area
        s = shapes[i % len(shapes)]
        t += s.area() + s.kind()
    return t


print("shadow", shadow(shapes, 5000))
del shapes[3].kind


# The same while the compiled loop keeps running: the instance that gets
# the shadowing attribute was met (and found unshadowed) before.
class F0:
    def f(self):
        return 1


class F1(F0):
    def f(self):
        return 2


class F2(F0):
    def f(self):
        return 3


def shadow_live(objs, n):
    t = 0
    for i in range(n):
        if i == 1500:
            objs[1].f = lambda: 1000
        if i == 2500:
            del objs[1].f
        if i == 3000:
            objs[2].__dict__["f"] = lambda: 50
        o = objs[i % 3]
        t += o.f()
    return t


print("shadow live", shadow_live([F0(), F1(), F2()], 4000))


# More classes than the tables hold, arriving late.
def make_classes(n):
    out = []
    for j in range(n):
        def area(self, j=j):
            return self.k + j * 10
        out.append(type("S%d" % j, (Shape,), {"area": area}))
    return out


many = make_classes(9)
mixed = list(shapes)


def grow(n):
    t = 0
    for i in range(n):
        if i % 500 == 0 and i // 500 < len(many):
            mixed.append(many[i // 500](i // 500))
        s = mixed[i % len(mixed)]
        t += s.area() + s.kind()
    return t


print("grow", grow(6000))


# __getattribute__, a property and __getattr__ on classes arriving mid-loop.
class Logged(Shape):
    def __getattribute__(self, name):
        if name == "area":
            return lambda: 555
        return object.__getattribute__(self, name)


class Prop(Shape):
    @property
    def area(self):
        return lambda: 777


class Fallback(Shape):
    def __getattr__(self, name):
        return lambda: 999


def odd(n):
    t = 0
    pool = [Sq(2), Tri(4)]
    for i in range(n):
        if i == 1000:
            pool.append(Logged(1))
        if i == 2000:
            pool.append(Prop(1))
        if i == 3000:
            pool.append(Fallback(3))
        s = pool[i % len(pool)]
        t += s.area() + s.kind()
    return t


print("odd", odd(4000))


# An exception raised inside one of the polymorphic targets.
class Bad(Shape):
    def area(self):
        if self.k > 2:
            return self.k // (self.k - self.k)
        return 1


def failing(n):
    pool = [Sq(1), Tri(2), Bad(1), Circ(1)]
    t = 0
    for i in range(n):
        if i == 3001:
            pool[2] = Bad(5)
        t += pool[i % len(pool)].area()
    return t


# Inherited method over many subclasses whose instances change class.
a = Sq(3)
t = 0
for i in range(4000):
    if i == 2000:
        a.__class__ = Circ
    if i == 3000:
        a.__class__ = Rect
        a.w = 2
    t += a.scaled(1) + a.kind()
print("class change", t)

# Last: the traceback goes through the polymorphic call into the method.
failing(5000)
