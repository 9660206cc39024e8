# Calls the JIT inlines with `*args`/`**kwargs` bound statically (virtual
# tuples and dicts), keyword-only defaults and `f(*args, **kwargs)`
# forwarding; then what they depend on changes mid-loop.
import sys


def weighted(a, b, *, wa=1, wb=1):
    return a * wa + b * wb


def apply(func, *args, **kwargs):
    return func(*args, **kwargs)


def total(*values):
    s = 0
    for v in values:
        s += v
    return s


def show(*args, **kwargs):
    return len(args) * 100 + len(kwargs) * 10 + (list(kwargs)[0] == "b" if kwargs else 7)


def counted(func):
    calls = [0]

    def wrapper(*args, **kwargs):
        calls[0] += 1
        return func(*args, **kwargs)
    wrapper.calls = calls
    return wrapper


@counted
def mix(a, b, scale=2):
    return (a * scale + b) % 1009


# 1. Forwarding, kw-only defaults; __kwdefaults__ mutated in place, then
# replaced; __defaults__ replaced.
s = 0
for i in range(3000):
    s += weighted(i, i % 3, wb=4)
    s += apply(weighted, i % 7, 2, wa=3)
    s += mix(i, i % 11) + mix(b=1, a=i, scale=3)
    s += total(i % 5, 1, 2) + total() + total(i)
    if i == 1000:
        weighted.__kwdefaults__["wa"] = 5
    if i == 1500:
        weighted.__kwdefaults__ = {"wa": 7, "wb": 2}
    if i == 2000:
        mix.__wrapped_defaults = None
    if i == 2200:
        # (mix is the wrapper; the inner function's defaults)
        pass
print(1, s, mix.calls[0])


def mix2(a, b, scale=2):
    return a * scale - b


s = 0
for i in range(3000):
    s += apply(mix2, i, 3)
    if i == 1200:
        mix2.__defaults__ = (10,)
    if i == 2400:
        mix2.__defaults__ = None
        try:
            apply(mix2, i, 3)
        except TypeError as e:
            print("1b", e)
        mix2.__defaults__ = (1,)
print(2, s)

# 2. Big ints mid-loop: guards fail inside the inlined callee while the
# virtual args/kwargs are live; the interpreter goes on with them.


def fwd_check(*args, **kwargs):
    r = weighted(*args, **kwargs)
    a = args
    return r + len(args) + len(kwargs) + (a is args) + sum(args)


s = 0
for i in range(3000):
    x = i if i < 2500 else 2 ** 62 + i
    s += fwd_check(x, 1, wa=x % 3 + 1) % 1000003
print(3, s)

# 3. Keyword ordering and **kwargs contents.


def order(**kw):
    return ",".join(k + "=" + str(v) for k, v in kw.items())


def fwd(f, *args, **kwargs):
    return f(*args, **kwargs)


out = []
for i in range(2000):
    r = fwd(order, b=i, a=2, c=3)
    r2 = fwd(order, z=1, **{"y": i})
    if i % 500 == 0:
        out.append(r + ";" + r2)
print(4, out)

# 4. The callee replaced mid-loop by one with another signature; errors
# raised where the static binding cannot apply.


def target(a, b, *, wa=1):
    return a + b * wa


def other(a, b):
    return a - b


def takes_z(a, b, z=0):
    return a + z


s = 0
for i in range(3000):
    try:
        s += apply(target, i, 2, wa=3)
    except TypeError as e:
        if i % 250 == 0:
            print(5, i, e)
    if i == 1000:
        target = other
    if i == 2000:
        target = takes_z
print(5, s)

errors = []
for i in range(2000):
    try:
        if i < 1990:
            fwd(weighted, i, 2, wa=1)
        elif i < 1993:
            fwd(weighted, i, 2, z=1)
        elif i < 1996:
            fwd(weighted, i)
        else:
            fwd(weighted, i, 2, b=3)
    except TypeError as e:
        errors.append(str(e))
print(6, errors)


def kw_errors(n):
    out = []
    for i in range(n):
        try:
            if i % 600 == 599:
                weighted(1, 2, z=3)
            elif i % 600 == 598:
                weighted(1)
            elif i % 600 == 597:
                weighted(1, 2, a=3)
            elif i % 600 == 596:
                weighted(1, 2, 3)
            else:
                weighted(i, 2, wa=2)
        except TypeError as e:
            out.append(str(e))
    return out


print(7, kw_errors(2400))

# 5. A wrapper's captured function rebound (nonlocal from another closure)
# mid-loop, and a counter cell rebound the same way.


def make_pair():
    func = weighted
    count = 0

    def call(*args, **kwargs):
        nonlocal count
        count += 1
        return func(*args, **kwargs) + count

    def rebind(f, c):
        nonlocal func, count
        func = f
        count = c
    return call, rebind


call, rebind = make_pair()
s = 0
for i in range(3000):
    s += call(i, 1, wb=2)
    if i == 1000:
        rebind(lambda a, b, wb=0: a * 1000 + b + wb, 5)
    if i == 2000:
        rebind(lambda *a, **k: len(a) + len(k), -100)
print(8, s)

# 6. Deep recursion through *args wrappers.


def rec(n, *args, **kwargs):
    if n == 0:
        return len(args) + len(kwargs)
    return fwd(rec, n - 1, *args, **kwargs) + 1


s = 0
for i in range(1500):
    s += rec(i % 20, 1, 2, k=3)
print(9, s)
try:
    rec(5000, 1, k=2)
except RecursionError as e:
    print(9, "RecursionError")
print(9, rec(100, k=1))

# 7. Finalizers of arguments passed through *args run when the call ends.


class Noisy:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        if self.n % 1000 == 0:
            print("del", self.n)


def consume(*args):
    return args[0].n


for i in range(3000):
    v = fwd(consume, Noisy(i))
    if i % 1000 == 0:
        print("after", v)

# 8. Positional-only names as keywords go to **kwargs; *args identity.


def po(a, /, **kw):
    return a, sorted(kw.items())


def same(*a):
    b = a
    return b is a, type(a).__name__, a


r = None
for i in range(2000):
    r = (po(1, a=i), same(i, 2), fwd(same), po(i))
print(10, r)

# 9. *args / **kwargs escaping: stored, mutated, returned.


def keep(*args, **kwargs):
    kwargs["n"] = len(args)
    return args, kwargs


def grab(*args, **kwargs):
    d = kwargs
    d["x"] = 1
    return kwargs


acc = []
for i in range(2000):
    a, k = keep(i, 2, q=i)
    g = grab(1, y=2)
    if i % 999 == 0:
        acc.append((a, sorted(k.items()), sorted(g.items())))
print(11, acc)
