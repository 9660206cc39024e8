# Attribute and class protocol details: an AttributeError from a property falls back to
# __getattr__; issubclass() with __subclasscheck__ on any object; type()'s __module__;
# a class's own __doc__; reversed() through a metaclass; OrderedDict iteration checks;
# bisect's hi=-1.
class P:
    @property
    def v(self):
        raise AttributeError('inner')
    @property
    def w(self):
        return 5
    def __getattr__(self, n):
        return 'getattr:' + n
class Q:
    @property
    def v(self):
        raise AttributeError('inner')
class D:
    def __get__(self, o, t=None):
        raise AttributeError('from descriptor')
    def __set__(self, o, v):
        pass
class R:
    d = D()
    def __getattr__(self, n):
        return 'R.getattr:' + n
p = P()
out = []
for i in range(300):
    out.append((p.v, p.w, p.zz))
print(out[0], out[-1], len(out))
try:
    Q().v
except AttributeError as e:
    print("Q", e)
for i in range(300):
    r = R().d
print(r)
print(getattr(P(), 'v'), hasattr(Q(), 'v'))
import typing, abc, collections.abc
class Checker:
    def __subclasscheck__(self, sub): return sub is int
class M(type):
    def __subclasscheck__(cls, sub): return sub == 5
class C(metaclass=M): pass
cases = ["issubclass(list, typing.Sequence)", "issubclass(list, typing.List)", "issubclass(int, typing.Iterable)", "issubclass(int, Checker())",
 "issubclass(str, Checker())", "issubclass(5, Checker())", "issubclass(5, C)", "issubclass(int, C)", "issubclass(5, int)", "issubclass(int, 5)",
 "issubclass(5, 5)", "issubclass(bool, (str, int))", "issubclass(bool, (str, Checker()))", "issubclass(list, collections.abc.Sequence)",
 "issubclass(5, collections.abc.Sequence)", "issubclass(int, int | str)", "issubclass(5, int | str)", "issubclass(list, list[int])",
 "issubclass(typing.List, list)", "issubclass(int, typing.Union[int, str])", "issubclass(int, typing.Optional[int])", "issubclass(dict, typing.Mapping)"]
for c in cases:
    try:
        print(c, '->', eval(c))
    except Exception as e:
        print(c, '->', type(e).__name__, e)
# 3-arg type() must set __module__ from the caller's globals
N = type("N", (), {})
print(N, N.__module__)
# class without a docstring must have __doc__ None, not inherit the base docstring
class A:
    "doc A"
class B(A): pass
print(B.__doc__, '__doc__' in B.__dict__)
import enum
class E(enum.Enum):
    X = 1
print(E.__doc__)
class Doc(Exception):
    pass
class WithDoc:
    "has one"
class Slotted:
    __slots__ = ("__doc__", "x")
print(Doc.__doc__, WithDoc.__doc__, "__doc__" in Doc.__dict__, type(Slotted.__dict__["__doc__"]).__name__)
print(type("Y", (int,), {"__module__": "elsewhere"}).__module__)
import enum, collections
class C(enum.Enum):
    A = 1
    B = 2
print([m.name for m in reversed(C)])
class N:
    __reversed__ = None
    def __len__(self): return 2
    def __getitem__(self, i): return i
try:
    reversed(N())
except TypeError as e:
    print(e)
print(list(reversed(collections.deque([1, 2, 3]))), list(reversed(collections.OrderedDict(a=1, b=2))))
class S:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 10
print(list(reversed(S())))
try:
    reversed(int)
except TypeError as e:
    print(e)
from collections import OrderedDict
def run(name, mut):
    o = OrderedDict(a=1, b=2, c=3)
    out = []
    try:
        for k in o:
            out.append(k)
            if len(out) == 1:
                mut(o)
    except RuntimeError as e:
        out.append("RuntimeError: %s" % e)
    print(name, out)
run("add", lambda o: o.__setitem__("d", 4))
run("set existing", lambda o: o.__setitem__("b", 9))
run("del", lambda o: o.__delitem__("c"))
run("move_to_end", lambda o: o.move_to_end("a"))
run("move_to_end first", lambda o: o.move_to_end("c", last=False))
run("popitem", lambda o: o.popitem())
run("pop", lambda o: o.pop("b"))
run("clear", lambda o: o.clear())
run("del+add", lambda o: (o.__delitem__("c"), o.__setitem__("z", 1)))
run("setdefault new", lambda o: o.setdefault("q", 1))
run("update", lambda o: o.update(x=1))
def run2(name, view, mut):
    o = OrderedDict(a=1, b=2, c=3)
    out = []
    try:
        for k in view(o):
            out.append(k)
            if len(out) == 1:
                mut(o)
    except RuntimeError as e:
        out.append("RuntimeError: %s" % e)
    print(name, out)
run2("values add", lambda o: o.values(), lambda o: o.__setitem__("d", 4))
run2("items del", lambda o: o.items(), lambda o: o.__delitem__("c"))
run2("keys move", lambda o: o.keys(), lambda o: o.move_to_end("a"))
run2("reversed add", lambda o: reversed(o), lambda o: o.__setitem__("d", 4))
import bisect
a = [1, 2, 3, 4]
print(bisect.bisect(a, 2, 0, -1), bisect.bisect_left(a, 3, 0, -1), bisect.bisect(a, 9, 0, None), bisect.bisect(a, 9, 0, -2))
bisect.insort(a, 0, 0, -1)
print(a)
