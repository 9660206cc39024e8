# __del__ runs when the last reference goes, as in CPython: right after a
# call returns (the callee's locals), at a rebinding, when a temporary
# (a call's result, a display, a comprehension) moved into a variable is
# replaced, in hot loops (compiled) and with exceptions.

log = []


class Shrinker:
    def __init__(self, target, tag="s"):
        self.target = target
        self.tag = tag

    def __del__(self):
        log.append("del " + self.tag)
        # The finalizer changes a list the caller reads right afterwards.
        self.target.append(99.0)


def poke(xs):
    tmp = Shrinker(xs, "poke")
    return len(xs)


def poke_twice(xs):
    a = Shrinker(xs, "a")
    b = Shrinker(xs, "b")
    return a is b


def calls(n):
    xs = [1.0, 2.0]
    out = []
    for i in range(n):
        poke(xs)
        out.append((xs[-1], len(xs)))  # the finalizer already ran
        poke_twice(xs)
        out.append(len(xs))
        if len(xs) > 6:
            del xs[2:]
    return out


def rebind(n):
    xs = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
    s = 0.0
    other = [0]
    for i in range(n):
        s += xs[5] if len(xs) > 5 else -1.0
        if i % 3 == 0:
            tmp = Shrinker(xs, "const")
            tmp = 0.0  # freed here, between two reads
        s += xs[-1]
        if i % 3 == 1:
            tmp = Shrinker(xs, "move")
            tmp = other  # a Move over the last reference
        s += len(xs)
        if i % 3 == 2:
            a = b = Shrinker(xs, "multi")
            a = 1
            s += len(xs)
            b = 2
            s += len(xs)
        if i % 5 == 0:
            p, q = Shrinker(xs, "tuple"), i
            p = q
        s += xs[-1] + len(xs)
        while len(xs) > 6:
            xs.pop()
    return s


def make(xs, tag):
    return Shrinker(xs, tag)


def temporaries(n):
    xs = [1.0]
    s = 0
    for i in range(n):
        t = make(xs, "call")  # Call into a temporary, then the variable
        t = None
        s += len(xs)
        k = len([Shrinker(xs, "comp") for _ in range(2)])  # the list dies after len
        s += len(xs) * 10 + k
        ys = [Shrinker(xs, "list"), 1]
        ys = (Shrinker(xs, "tuple"), 2)
        s += len(xs)
        ys = {1: Shrinker(xs, "dict")}
        ys = None
        s += len(xs)
        z = (Shrinker(xs, "or") or 0)
        z = 1
        s += len(xs)
        w = Shrinker(xs, "ifexp") if i >= 0 else None
        w = 2
        s += len(xs)
        del xs[1:]
    return s


def boom(xs):
    tmp = Shrinker(xs, "boom")
    tmp = None
    raise ValueError(len(xs))


def exceptions(n):
    xs = [1.0]
    res = []
    for i in range(n):
        try:
            boom(xs)
        except ValueError as e:
            res.append((e.args[0], len(xs)))
        try:
            t = Shrinker(xs, "try")
            t = 0
            res.append(len(xs))
            raise KeyError(i)
        except KeyError:
            res.append(len(xs))
        try:
            raise RuntimeError(Shrinker(xs, "arg"))
        except RuntimeError as e:
            res.append(len(xs))
        res.append(len(xs))  # `e` is gone: the argument was freed
        del xs[1:]
    return res


def recurse(xs, d):
    t = Shrinker(xs, "r%d" % d)
    if d > 0:
        recurse(xs, d - 1)
    t = None
    return len(xs)


for f, n in ((calls, 12), (rebind, 30), (temporaries, 12), (exceptions, 12)):
    log.clear()
    print(f.__name__, f(n))
    print(len(log), log[:12])
print(recurse([], 4), recurse([], 3))
for i in range(20):
    r = recurse([], 2)
print(r)
