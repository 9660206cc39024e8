# `with` whose __enter__/__exit__ are Python functions (run as frames by
# the interpreter) next to the other kinds of context managers.


class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
        self.log = []

    def __enter__(self):
        self.log.append("enter")
        return self.name

    def __exit__(self, et, ev, tb):
        self.log.append(("exit", et.__name__ if et else None, str(ev) if ev else None, tb is not None))
        return self.suppress


c = CM("a")
with c as v:
    print("body", v)
print(c.log)

c = CM("b", suppress=True)
with c:
    raise ValueError("boom")
print(c.log)

c = CM("c")
try:
    with c:
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))
print(c.log)


def early(n):
    c = CM("r")
    for i in range(n):
        with c as v:
            if i == 1:
                continue
            if i == 2:
                break
    with c:
        return c.log


print(early(5))


class EnterFails:
    def __enter__(self):
        raise RuntimeError("no entry")

    def __exit__(self, *a):
        print("never")


try:
    with EnterFails():
        print("never")
except RuntimeError as e:
    print("enter failed", e)


class ExitFails:
    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        raise OSError("exit failed")


try:
    with ExitFails():
        pass
except OSError as e:
    print("exit raised", e, e.__context__)
try:
    with ExitFails():
        1 / 0
except OSError as e:
    print("exit raised in handling", e, type(e.__context__).__name__)


class EnterArgs:
    def __enter__(self, extra):
        return extra

    def __exit__(self, *a):
        return False


try:
    with EnterArgs():
        pass
except TypeError as e:
    print("enter args", e)


class EnterDefault:
    def __enter__(self, extra=5):
        return extra

    def __exit__(self, et=None, ev=None, tb=None, more=7):
        print("exit default", et, more)


with EnterDefault() as x:
    print("default", x)


class ExitStatic:
    def __enter__(self):
        return 1

    @staticmethod
    def __exit__(et, ev, tb):
        print("static exit", et)


with ExitStatic() as x:
    print("static", x)


class Weird:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        print("star exit", args)
        return 0


with Weird():
    pass


class Truthy:
    def __bool__(self):
        print("bool asked")
        return True


class ReturnsObj:
    def __enter__(self):
        return None

    def __exit__(self, *a):
        return Truthy()


with ReturnsObj():
    raise ValueError("swallowed by truthy object")
print("after truthy")
with ReturnsObj():
    pass
print("after normal")


def gen():
    c = CM("g")
    with c as v:
        yield v
        yield v + "2"
    yield c.log


print(list(gen()))


class Nested:
    def __init__(self, n):
        self.n = n

    def __enter__(self):
        print("enter", self.n)
        return self.n

    def __exit__(self, *a):
        print("exit", self.n, a[0])


with Nested(1) as a, Nested(2) as b:
    print("inside", a, b)


class Ctx(dict):
    def __enter__(self):
        return len(self)

    def __exit__(self, *a):
        return None


with Ctx(x=1) as n:
    print("dict subclass", n)


# Deep recursion through __enter__ frames.
class Deep:
    def __enter__(self):
        with Deep():
            pass

    def __exit__(self, *a):
        pass


try:
    with Deep():
        pass
except RecursionError:
    print("recursion error")


# The same `with` statement seeing different classes, and methods replaced
# on a class (or its base) between runs.
class M1:
    def __enter__(self):
        return "M1"

    def __exit__(self, *a):
        print("M1 exit")


class M2(M1):
    def __enter__(self):
        return "M2"


def use(m):
    with m as v:
        print("use", v)


for m in [M1(), M2(), M1(), M2()]:
    use(m)
M1.__exit__ = lambda self, *a: print("new M1 exit")
use(M1())
use(M2())
M2.__enter__ = lambda self: "new M2"
use(M2())
del M2.__enter__
use(M2())
m = M1()
m.__class__ = M2
use(m)
