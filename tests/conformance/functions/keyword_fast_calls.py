# Calls with keyword arguments (the keyword call fast path): defaults,
# keyword-only and positional-only parameters, every binding error,
# __kwdefaults__ changes, methods, closures, recursion.
def f(a, b=2, c=3): return (a, b, c)
def g(a, /, b, *, k, m=9): return (a, b, k, m)
print(f(1, c=5), f(a=1), f(1, 2, c=0), f(c=1, a=2, b=3))
print(g(1, b=2, k=3), g(1, 2, k=3, m=4))
for bad in [lambda: f(1, a=2), lambda: f(b=1), lambda: g(a=1, b=2, k=3), lambda: g(1, 2), lambda: f(1, d=4), lambda: g(1, b=2, k=3, k2=4)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
class C:
    def m(self, x, *, scale=2): return x * scale
    def n(self, x=1, y=2): return (x, y)
c = C()
print(c.m(3), c.m(3, scale=4), c.m(x=5), c.n(y=7), [c.n(x=i) for i in range(3)])
g.__kwdefaults__ = {"k": 0, "m": 1}
print(g(1, b=2))
g.__kwdefaults__ = None
try:
    g(1, b=2, k=1)
    g(1, b=2)
except TypeError as e:
    print("TypeError:", e)
def outer():
    v = 10
    def inner(x, y=0): return x + y + v
    return [inner(i, y=i) for i in range(3)]
print(outer())
def rec(n, acc=0):
    return acc if n == 0 else rec(n - 1, acc=acc + n)
print(rec(100))
try:
    rec(5000, acc=0)
except RecursionError as e:
    print("RecursionError:", e)
c.attr_fn = lambda a, b=1: (a, b)
print(c.attr_fn(1, b=5))
