# Attribute facts carry the class version the first lookup of an object
# checked; later attributes of the same object skip the version check only
# when that is the version their cache approved. An object of another class
# (looked up through the helper) must not have its later attributes read at
# the cached dict positions: here a subclass's data descriptor shadows the
# dict entry. Also: classes changed mid-loop, __dict__ replaced, attributes
# deleted and retyped.


class A:
    def __init__(self, x, y):
        self.y = y
        self.x = x


class B(A):
    @property
    def x(self):
        return 1000.0

    @x.setter
    def x(self, v):
        self.__dict__["x"] = -v


def run(objs, n):
    t = 0.0
    for k in range(n):
        for o in objs:
            y = o.y
            x = o.x
            t += x + y
            o.y = y + 0.5
    return t


def run_swap(objs, n, at, new):
    t = 0.0
    for k in range(n):
        if k == at:
            objs[2] = new
        for o in objs:
            y = o.y
            x = o.x
            t += x + y
            o.y = y + 0.5
    return t


# (Its dict made by attribute stores, as A's instances' are.)
b0 = A(3.0, 2.0)
b0.__class__ = B
print(run_swap([A(float(i), 1.0) for i in range(5)], 300, 200, b0), b0.__dict__)

objs = [A(float(i), 1.0) for i in range(5)]
print(run(objs, 200))
b = B.__new__(B)
b.__dict__["y"] = 2.0
b.__dict__["x"] = 3.0
objs[2] = b
print(run(objs, 200), b.__dict__)
objs[3] = B(5.0, 1.0)
print(run(objs, 100), objs[3].__dict__)

# The class changes mid-loop: a property added to A.
objs = [A(float(i), 1.0) for i in range(5)]
def run2(objs, n):
    t = 0.0
    for k in range(n):
        if k == 150:
            A.x = property(lambda self: -1.0)
        for o in objs:
            y = o.y
            x = o.x
            t += x * y
            o.y = y + 0.25
    return t
print(run2(objs, 300))
del A.x

# __dict__ replaced, attribute deleted or retyped inside the inner loop.
objs = [A(float(i), 1.0) for i in range(5)]
def run3(objs, n):
    t = 0.0
    for k in range(n):
        for i, o in enumerate(objs):
            y = o.y
            x = o.x
            t += x * y
            o.y = y + 0.25
            if k == 100 and i == 1:
                objs[2].__dict__ = {"x": 7.0, "y": 1.0, "z": 0}
            if k == 120 and i == 3:
                del objs[4].y
                objs[4].y = 2
            if k == 140 and i == 0:
                objs[0].__class__ = B
    return t
print(run3(objs, 300))
