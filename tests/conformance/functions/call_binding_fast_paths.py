# Calls through f(*args, **kwargs), keyword calls of functions with *args
# and **kwargs, and keyword calls of bound methods: the bindings and the
# errors of every case the interpreter's fast paths take or decline.


def show(label, fn, *args, **kwargs):
    try:
        print(label, fn(*args, **kwargs))
    except TypeError as e:
        print(label, "TypeError:", e)


def plain(a, b, c=3):
    return (a, b, c)


def kwonly(a, *, k=1, m):
    return (a, k, m)


def star(a, *rest, **kw):
    return (a, rest, sorted(kw.items()))


def only_kw(**kw):
    return sorted(kw.items())


def posonly(a, b, /, c=0, **kw):
    return (a, b, c, sorted(kw.items()))


def gen(n):
    yield from range(n)


class C:
    def m(self, x, y=2, *, z=3):
        return (x, y, z)

    def v(self, *args, **kwargs):
        return (args, sorted(kwargs.items()))


# f(*t, **d) into a plain function.
show("ex1", plain, *(1, 2))
show("ex2", plain, *(1,), **{"b": 5})
show("ex3", plain, *(), **{"a": 1, "b": 2, "c": 4})
show("ex4", plain, *(1, 2, 3, 4))
show("ex5", plain, *(1, 2), **{"a": 9})
show("ex6", plain, *(1,))
show("ex7", plain, **{"a": 1, "b": 2, "d": 4})
show("ex8", kwonly, *(1,), **{"m": 2})
show("ex9", kwonly, *(1,))
show("ex10", kwonly, *(1,), **{"m": 2, "k": 5})
show("ex11", star, *(1, 2, 3), **{"x": 1, "a2": 2})
show("ex12", only_kw, **{"p": 1, "q": 2})
show("ex13", posonly, *(1, 2), **{"a": 7, "c": 8})
show("ex14", posonly, *(1,), **{"b": 7})

# Arguments that are not a tuple and a plain dict.
def fwd(f, args, kw):
    return f(*args, **kw)


show("it1", fwd, plain, [1, 2], {})
show("it2", fwd, plain, gen(3), {})
show("it3", fwd, plain, (1, 2), {"c": 9})
d = {"a": 1, "x": 0, "b": 2}
del d["x"]
show("del1", fwd, plain, (), d)
try:
    plain(*(1,), **{1: 2})
except TypeError as e:
    print("nonstr", e)
try:
    fwd(plain, (1,), {1: 2})
except TypeError as e:
    print("nonstr2", e)
try:
    plain(*5)
except TypeError as e:
    print("notiter", e)
try:
    plain(**5)
except TypeError as e:
    print("notmap", e)
try:
    plain(1, **{"b": 1}, **{"b": 2})
except TypeError as e:
    print("dupmerge", e)

# Bound methods through CallEx and CallKw.
c = C()
show("bm1", c.m, *(1,), **{"z": 9})
show("bm2", c.m, *(1, 2, 3))
show("bm3", c.v, *(1, 2), **{"k": 3})
bm = c.m
print("bm4", bm(1, z=5), bm(x=4), bm(1, y=7, z=8))
try:
    bm(1, x=2)
except TypeError as e:
    print("bm5", e)
try:
    bm(1, w=2)
except TypeError as e:
    print("bm6", e)
bv = c.v
print("bm7", bv(1, k=2), bv(k=3))

# Keyword calls of functions with *args / **kwargs.
print("kw1", star(1, 2, 3, x=4, y=5))
print("kw2", star(a=1, x=2))
print("kw3", star(1, a2=9))
try:
    star(1, a=2)
except TypeError as e:
    print("kw4", e)
try:
    star(x=1)
except TypeError as e:
    print("kw5", e)
print("kw6", only_kw(a=1, b=2, c=3, d=4, e=5, f=6, g=7, h=8, i=9, j=10))
print("kw7", posonly(1, 2, a=3, b=4))
print("kw8", posonly(1, 2, c=3, d=4))
try:
    posonly(1, b=2)
except TypeError as e:
    print("kw9", e)


def args_only(*args):
    return args


print("kw10", args_only(1, 2, 3))
try:
    args_only(1, x=2)
except TypeError as e:
    print("kw11", e)


# A decorator forwarding everything, as a call-counting wrapper does.
def counted(func):
    calls = [0]

    def wrapper(*args, **kwargs):
        calls[0] += 1
        return func(*args, **kwargs)

    wrapper.calls = calls
    return wrapper


@counted
def mix(a, b, scale=2):
    return a * scale + b


print("dec", mix(1, 2), mix(b=1, a=2, scale=3), mix(5, b=6), mix.calls[0])
try:
    mix(1, 2, 3, 4)
except TypeError as e:
    print("dec2", e)
try:
    mix(1, a=2)
except TypeError as e:
    print("dec3", e)


# Generators called through the fast paths are still generators.
def g(a, *, b=1):
    yield a
    yield b


print("gen", list(g(*(1,), **{"b": 2})), list(g(5, b=6)))


# Defaults changed after definition are seen.
def dflt(a, b=1, *, c=2):
    return (a, b, c)


print("d1", dflt(*(0,)), dflt(0, c=5))
dflt.__defaults__ = (10,)
dflt.__kwdefaults__ = {"c": 20}
print("d2", dflt(*(0,)), dflt(0, c=5), dflt(0, b=3))
dflt.__kwdefaults__ = None
try:
    dflt(0, b=3)
except TypeError as e:
    print("d3", e)
