import sys

class LoggingDict(dict):
    def __setitem__(self, key, value):
        print("set", key, type(value).__name__)
        super().__setitem__(key, value)
    def __getitem__(self, key):
        print("get", key)
        return super().__getitem__(key)
    def __delitem__(self, key):
        print("del", key)
        super().__delitem__(key)

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kwds):
        print("prepare", name, bases, sorted(kwds))
        return LoggingDict()
    def __new__(mcls, name, bases, ns, **kwds):
        print("new", name, type(ns).__name__, sorted(k for k in ns if not k.startswith('__')))
        return super().__new__(mcls, name, bases, dict(ns))
    def __init__(cls, name, bases, ns, **kwds):
        super().__init__(name, bases, ns)

X = 10
class A(metaclass=Meta, flag=True):
    a = 1
    b = a + X
    def f(self):
        return self.a
    c = len([1, 2])
    tmp = 5
    del tmp
    print("locals type", type(locals()).__name__)

print(A.a, A.b, A.c, A().f(), hasattr(A, "tmp"))

# A custom (non-dict) mapping.
class Recorder:
    def __init__(self):
        self.data = {}
        self.order = []
    def __getitem__(self, k):
        return self.data[k]
    def __setitem__(self, k, v):
        self.order.append(k)
        self.data[k] = v
    def __delitem__(self, k):
        del self.data[k]

class M2(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Recorder()
    def __new__(mcls, name, bases, ns):
        print("order", ns.order)
        return super().__new__(mcls, name, bases, ns.data)

class B(metaclass=M2):
    x = 1
    y = x * 2
    z = str(y)
    def m(self): return 3
print(B.x, B.y, B.z, B().m())

try:
    class C(metaclass=M2):
        del nothere
except NameError as e:
    print("NameError", e)

# Missing names fall back to globals and builtins; other errors propagate.
class Strict(dict):
    def __getitem__(self, k):
        if k == "boom":
            raise ValueError("no boom")
        return super().__getitem__(k)
class M3(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Strict()
try:
    class D(metaclass=M3):
        v = boom
except ValueError as e:
    print("ValueError", e)
try:
    class D(metaclass=M3):
        v = undefined_name
except NameError as e:
    print("NameError", e)

class NotMap(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 42
try:
    class E(metaclass=NotMap): pass
except TypeError as e:
    print("TypeError", e)

try:
    type("X", (), 5)
except TypeError as e:
    print("TypeError", e)

# Class with a cell (__class__) through a custom mapping
class F(metaclass=Meta):
    def who(self):
        return __class__.__name__
print(F().who())

# annotations in a custom namespace
class G(metaclass=M2):
    q: int = 3
    r: str
print(G.__annotations__, G.q)

# a mapping with __missing__
class Defaulting(dict):
    def __missing__(self, key):
        if key.startswith("auto_"):
            return key.upper()
        raise KeyError(key)
class M4(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Defaulting()
class H(metaclass=M4):
    val = auto_thing
    pr = print
print(H.val, H.pr is print)
class Rec(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)
    def __getitem__(self, k):
        print("get", k)
        return super().__getitem__(k)
ns = Rec()
exec("a = 1\nb = a + 1\nprint(len('xy'))", {}, ns)
print(sorted(ns.items()))
class M:
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v * 10
m = M()
exec("x = 2\ny = x", {}, m)
print(m.d)
print(eval("x + 1", {}, m))
try:
    exec("z = 1", {}, 5)
except TypeError as e:
    print("TypeError", e)
