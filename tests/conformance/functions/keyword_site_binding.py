"""Keyword calls: a call site whose callees change (the binding each site
remembers is checked), **kwargs forwarded as the dict itself, errors of
bad ** arguments, and for loops over tuples."""
def f(a, b=2, *args, c=3, **kw):
    return (a, b, args, c, sorted(kw.items()))
class M:
    def keys(self): return ['x', 'a']
    def __getitem__(self, k): return k * 2
def call(**kw):
    return f(**kw)
def fwd(*a, **kw):
    return f(*a, **kw)
for i in range(3000):
    r1 = f(1, c=i, z=5)
    r2 = f(b=i, a=2)
    r3 = fwd(1, 2, 3, q=i)
    r4 = call(a=i, b=1)
    r5 = f(**{'a': 1, 'c': i})
    if i % 1000 == 0:
        print(r1, r2, r3, r4, r5)
for bad in [lambda: f(**{1: 2}), lambda: f(**[1]), lambda: f(1, **{'a': 2}), lambda: fwd(**M()), lambda: f(**M()), lambda: f(1, a=2)]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)
d = {'a': 1}
def g(**kw):
    kw['x'] = 1
    return kw
print(g(**d), d)
def h(a, c=0): return a + c
for i in range(5):
    print(h(1, c=i), h(a=i), h(c=2, a=i))
# One call site, callees whose parameters are in different orders: the
# site's remembered binding must be checked against each callee.
def p1(a, b, c=0): return ("p1", a, b, c)
def p2(b, a, c=0): return ("p2", a, b, c)
def p3(c, *, a, b): return ("p3", a, b, c)
def p4(x, **kw): return ("p4", x, sorted(kw.items()))
def p5(a, /, b, **kw): return ("p5", a, b, sorted(kw.items()))
for i, fn in enumerate([p1, p2, p1, p3, p2, p3]):
    print(fn(i, b=2, a=1) if fn is p3 else fn(c=i, b=2, a=1))
for fn in [p4, p5, p4]:
    try:
        print(fn(7, b=2, a=1))
    except TypeError as e:
        print("TypeError", e)
class K:
    def m(self, a, b=5): return (a, b)
    def n(self, b, a=9): return (a, b)
k = K()
for meth in [k.m, k.n, k.m]:
    print(meth(a=1, b=2), meth(b=3, a=4))
# for loops over tuples, nested and exhausted
t = (1, 2.5, "x", None, (3, 4))
for a in t:
    for b in t[:2]:
        print(a, b)
it = iter(t)
for x in it:
    if x == "x":
        break
print(list(it), list(it))
def star(*a):
    s = []
    for v in a:
        s.append(v)
    for v in a:
        s.append(v)
    return s
print(star(), star(1), star(1, 2, 3))
