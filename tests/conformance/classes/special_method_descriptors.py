# Special methods found on the type as descriptor objects (not functions)
# are bound through __get__; isinstance honours a __class__ property;
# subclasses of io.StringIO.
import io


class Proxy:
    def __init__(self, name):
        self.name = name

    def __get__(self, obj, owner=None):
        print("  __get__", self.name, type(obj).__name__, owner.__name__)
        return lambda *args: (self.name, args)


class C:
    pass


for name in ["__getitem__", "__call__", "__len__", "__str__", "__repr__", "__eq__",
             "__add__", "__radd__", "__contains__", "__hash__", "__lt__", "__neg__"]:
    setattr(C, name, Proxy(name))

c = C()
print(c["k"])
print(c(1, 2))
try:
    len(c)
except TypeError as e:
    print("  TypeError", e)
C.__len__ = Proxy("len2")
try:
    print(len(c))
except TypeError as e:
    print("  TypeError", e)
try:
    str(c)
except TypeError as e:
    print("  TypeError", e)
print(c == 1, c + 1, 1 + c, 3 in c)
print(c < 2, -c)


class Plain:
    def __call__(self, *args):
        return ("plain", args)


class D:
    __getitem__ = Plain()     # no __get__: called without the instance


print(D()[5])


class Lying:
    __class__ = property(lambda self: int)


class Honest:
    pass


print(isinstance(Lying(), int), isinstance(Lying(), Lying), isinstance(Lying(), str))
print(isinstance(Honest(), Honest), isinstance(Honest(), int), type(Lying()).__name__)


class Spoof(io.StringIO):
    def truncate(self, size=None):
        self.seek(size)
        return super().truncate()

    def write(self, s):
        return super().write(s.upper())


s = Spoof()
s.write("hello")
s.truncate(0)
s.write("ab")
print(type(s).__name__, repr(s.getvalue()), isinstance(s, io.StringIO), s.tell())


class Init(io.StringIO):
    def __init__(self, text):
        super().__init__(text, newline=None)


t = Init("a\r\nb\rc")
print(repr(t.getvalue()), t.readline(), repr(t.read()))
print(repr(io.StringIO("x\r\n", newline="").getvalue()))
d = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), repr(d.decode("\nb\r")), repr(d.decode("", final=True)), d.newlines)
