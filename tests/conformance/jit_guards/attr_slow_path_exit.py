# An attribute read the compiled code makes through the interpreter (a
# __slots__ member, a property, __getattr__), speculated to be an int, that
# turns out a float: the guard after it leaves with the value the
# interpreter read, not what the destination register held before (here an
# unboxed int computed just earlier into the same register).


def f(v):
    return v


class S:
    __slots__ = ("x",)

    def __init__(self, x):
        self.x = x


class P:
    def __init__(self, x):
        self._x = x

    @property
    def x(self):
        return self._x

    @x.setter
    def x(self, v):
        self._x = v


class G:
    def __init__(self, x):
        self.y = x

    def __getattr__(self, name):
        return self.y

    def __setattr__(self, name, v):
        object.__setattr__(self, "y", v)


for cls in (S, P, G):
    objs = [cls(1), cls(0.5), cls(3)]
    log = []
    for i in range(12):
        o = objs[i % 3]
        o.x = f(o.x + 1)
        log.append(o.x)
    print(cls.__name__, log, [q.x for q in objs])


def run(cls):
    objs = [cls(2), cls(2), cls(0.25)]
    log = []
    for i in range(15):
        k = i % 3
        o = objs[k]
        v = o.x
        log.append(v + k)
        o.x = v * 2
    return log


for cls in (S, P, G):
    print(cls.__name__, run(cls))
