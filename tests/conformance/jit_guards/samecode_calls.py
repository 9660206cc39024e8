# Calls whose callee varies between closures of one factory (the JIT
# inlines them guarded on the code, reading the cells at run time); then
# cells rebound, other code, exceptions, unbound cells.


def make_adder(n):
    def add(x):
        return x + n

    def set_n(v):
        nonlocal n
        n = v

    def clear():
        nonlocal n
        del n
    add.set_n = set_n
    add.clear = clear
    return add


def make_scaler(k):
    def scale(x):
        return x * k
    return scale


def run(n):
    adders = [make_adder(k) for k in range(8)]
    s = 0
    for i in range(n):
        s += adders[i % 8](i)
        if i == 1000:
            adders[3].set_n(100)
        if i == 1500:
            adders[5] = make_scaler(3)
        if i == 2000:
            adders[6] = abs
        if i == 2500:
            adders[2].set_n(2.5)
    return s


print(run(3000))


def run_errors(n):
    adders = [make_adder(k) for k in range(4)]
    out = []
    for i in range(n):
        try:
            out.append(adders[i % 4](i) % 7)
        except TypeError as e:
            out.append(str(e))
        except NameError as e:
            out.append(type(e).__name__ + ": " + str(e))
        if i == 1200:
            adders[1].set_n("x")
        if i == 1203:
            adders[1].set_n(1)
        if i == 1500:
            adders[2].clear()
        if i == 1507:
            adders[2].set_n(-1)
    return out[1195:1215], out[1495:1512], sum(v for v in out if isinstance(v, int))


print(run_errors(3000))


def counters():
    fs = []
    for k in range(4):
        def mk(start):
            c = start

            def bump():
                nonlocal c
                c += 1
                return c
            return bump
        fs.append(mk(k * 10))
    return fs


def run_counters(n):
    fs = counters()
    s = 0
    for i in range(n):
        s += fs[i % 4]()
        if i == 1800:
            fs[0] = counters()[1]
    return s, [f() for f in fs]


print(run_counters(4000))


# The same code with different defaults: only exact positional calls are
# inlined by code; the defaults of each function apply.
def make_def(d):
    def g(x, y=d):
        return x - y
    return g


def run_defaults(n):
    gs = [make_def(k) for k in range(3)]
    s = 0
    for i in range(n):
        s += gs[i % 3](i) + gs[i % 3](i, 1)
        if i == 900:
            gs[1].__defaults__ = (50,)
    return s


print(run_defaults(3000))
