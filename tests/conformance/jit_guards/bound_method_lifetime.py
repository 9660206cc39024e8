# Bound methods held in variables across a hot loop: compiled code must not
# keep them (or their `self`) alive after the loop's frame lets go.
import copy
import weakref


class Acc:
    def __init__(self, name):
        self.name = name
        self.v = 0

    def add(self, x, times=1):
        self.v += x * times
        return self.v

    @classmethod
    def make(cls, name):
        return cls(name)

    def __del__(self):
        print("del", self.name)


class L(list):
    def __del__(self):
        print("del list of", len(self))


def held_method(name, n):
    a = Acc(name)
    add = a.add
    for i in range(n):
        add(i, times=2)
    return a.v


def held_builtin(n):
    lst = L()
    append = lst.append
    for i in range(n):
        append(i)
    return len(lst)


def captured(name, n):
    a = Acc(name)
    add = a.add

    def inner():
        t = 0
        for i in range(n):
            t += add(i)
        return t

    return inner()


def classmethods(n):
    make = Acc.make
    out = []
    for i in range(n):
        out.append(make("c%d" % i).name)
    return out[-1]


def weak_of_loop_self(n):
    a = Acc("weak")
    add = a.add
    for i in range(n):
        add(i)
    return weakref.ref(a)


for k in range(3):
    print(held_method("m%d" % k, 300))
    print("after held_method", k)
    print(held_builtin(300 + k))
    print("after held_builtin", k)
    print(captured("c%d" % k, 300))
    print("after captured", k)
r = weak_of_loop_self(500)
print("dead:", r() is None)
print(classmethods(3))


class O:
    pass


o = O()
w = weakref.ref(o)
c = copy.deepcopy([w, [w, (w,)]])
print(len(c))
del c
del w
print("weakref count:", weakref.getweakrefcount(o))

# A method whose self is not an instance (a bound builtin's class), then
# an instance's: the same function bound to different kinds of self.
def call_all(ms):
    out = 0
    for m in ms:
        for i in range(50):
            out += m(i)
    return out


class B:
    def __init__(self, k):
        self.k = k

    def f(self, i):
        return self.k + i


print(call_all([B(1).f, B(2).f, B(3).f]))
import types
print(call_all([types.MethodType(B.f, B(5)), types.MethodType(lambda self, i: i, 7)]))
