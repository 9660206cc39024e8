# Defaults filled in by the call fast path: shared mutable defaults,
# __defaults__ replaced or removed between calls, keyword arguments into
# **kwargs dicts (fresh each call, insertion ordered).
def f(a, b=10, c=[]):
    c.append(a)
    return a + b, len(c)


for i in range(3):
    print(f(i), f(i, 1), f(i, 1, []))
f.__defaults__ = (100, [])
print(f(1), f(1, 2))
f.__defaults__ = None
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)
f.__defaults__ = (5,)
print(f(1, 2, [0]))
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)


def g(x, y=2):
    return x * y


print([g(i) for i in range(4)], [g(i, 3) for i in range(4)])


class K:
    def m(self, v=7):
        return v


k = K()
print([k.m() for _ in range(3)], k.m(1), K.m(k))


def kw(**kwargs):
    kwargs["seen"] = True
    return kwargs


print(kw(b=1, a=2), kw(a=2), kw())
try:
    kw(**{"a": 1}, a=2)
except TypeError as e:
    print("TypeError:", e)


def fwd(*args, **kwargs):
    return g(*args, **kwargs)


print(fwd(3), fwd(3, y=4), fwd(x=5))
