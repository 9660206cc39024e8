import sys
def measure(make):
    # largest n for which make(n) succeeds
    lo, hi = 0, 3000
    while lo < hi:
        mid = (lo + hi + 1) // 2
        try:
            make(mid)
            lo = mid
        except RecursionError:
            hi = mid - 1
    return lo

def plain(n):
    def f(n): return f(n-1) if n else 0
    return f(n)

class Chain:
    def __init__(self, n): self.next = Chain(n - 1) if n else None

class GI:
    def __getitem__(self, n): return self[n-1] if n else 0
class Add:
    def __add__(self, n): return self + (n-1) if n else 0
class Eq:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return Eq(self.n - 1) == o if self.n else True
class H:
    def __init__(self, n): self.n = n
    def __hash__(self): return hash(H(self.n-1)) if self.n else 0
class L:
    def __init__(self, n): self.n = n
    def __len__(self): return len(L(self.n-1)) if self.n else 0
class P:
    def __init__(self, n): self.n = n
    @property
    def v(self): return P(self.n-1).v if self.n else 0
class GA:
    def __init__(self, n): self.n = n
    def __getattr__(self, name): return getattr(GA(self.n-1), name) if self.n else 0
class It:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n:
            for x in It(self.n - 1): pass
        raise StopIteration
def srt(n):
    def key(x): return srt(n-1) if n else 0
    return sorted([1], key=key)
def mp(n):
    def f(x): return mp(n-1) if n else 0
    return list(map(f, [1]))
class Call:
    def __call__(self, n): return self(n-1) if n else 0
class Lt:
    def __init__(self, n): self.n = n
    def __lt__(self, o): return Lt(self.n-1) < o if self.n else True
class Neg:
    def __neg__(self): return 0
class Str:
    def __init__(self, n): self.n = n
    def __str__(self): return str(Str(self.n-1)) if self.n else ""
class Bool:
    def __init__(self, n): self.n = n
    def __bool__(self): return bool(Bool(self.n-1)) if self.n else True
class Contains:
    def __contains__(self, n): return (n-1) in self if n else True
class Iadd:
    def __init__(self, n): self.n = n
    def __iadd__(self, o):
        if self.n:
            x = Iadd(self.n-1); x += o
        return self
class SetItem:
    def __setitem__(self, k, v):
        if k: self[k-1] = v
class SetAttr:
    def __setattr__(self, k, v):
        if v: setattr(self, k, v-1)
class Desc:
    def __get__(self, obj, t): return D2(obj.n-1).d if obj.n else 0
class D2:
    d = Desc()
    def __init__(self, n): self.n = n
class NewCls:
    def __new__(cls, n): return NewCls(n-1) if n else object.__new__(cls)
class Gen:
    pass
def gen(n):
    def g(n):
        if n: yield from g(n-1)
        yield 0
    return list(g(n))
def genfor(n):
    def g(n):
        if n:
            for x in g(n-1): pass
        yield 0
    return list(g(n))
def lam(n):
    f = lambda n: f(n-1) if n else 0
    return f(n)
def kw(n):
    def f(*, n): return f(n=n-1) if n else 0
    return f(n=n)
def deco(n):
    import functools
    @functools.lru_cache(None)
    def f(n): return f(n-1) if n else 0
    return f(n)

tests = [
    ("plain", plain),
    ("init", Chain),
    ("getitem", lambda n: GI()[n]),
    ("add", lambda n: Add() + n),
    ("eq", lambda n: Eq(n) == 1),
    ("len", lambda n: len(L(n))),
    ("property", lambda n: P(n).v),
    ("getattr", lambda n: GA(n).zz),
    ("iter_next", lambda n: [x for x in It(n)]),
    ("map", mp),
    ("call", lambda n: Call()(n)),
    ("lt", lambda n: Lt(n) < 1),
    ("bool", lambda n: bool(Bool(n))),
    ("contains", lambda n: n in Contains()),
    ("iadd", lambda n: Iadd(n).__iadd__(1)),
    ("setitem", lambda n: SetItem().__setitem__(n, 1)),
    ("setattr", lambda n: setattr(SetAttr(), "a", n)),
    ("descr", lambda n: D2(n).d),
    ("yieldfrom", gen),
    ("genfor", genfor),
    ("lambda", lam),
    ("kwonly", kw),
]
only = None
for name, t in tests:
    if only and name not in only: continue
    print(name, measure(t))

class KW:
    def __init__(self, n=0, *, k=1): self.next = KW(n=n - 1, k=2) if n else None
class Star:
    def __init__(self, *args): self.next = Star(args[0] - 1) if args[0] else None
class LL(list):
    def __init__(self, n): super().__init__(); self.next = LL(n - 1) if n else None
class Meta(type):
    def __call__(cls, n):
        return super().__call__(n)
class WithMeta(metaclass=Meta):
    def __init__(self, n): self.next = WithMeta(n - 1) if n else None
class NewOnly:
    def __new__(cls, n):
        o = super().__new__(cls)
        o.next = NewOnly(n - 1) if n else None
        return o
class Sub:
    def __init__(self, n): self.n = n
    def __sub__(self, o): return Sub(self.n - 1) - o if self.n else 0
class Ne:
    def __init__(self, n): self.n = n
    def __ne__(self, o): return Ne(self.n - 1) != o if self.n else False
class Ge:
    def __init__(self, n): self.n = n
    def __le__(self, o): return 1 >= Ge(self.n - 1) if self.n else True
for name, t in [("kw", KW), ("star", Star), ("list_sub", LL), ("meta_call", WithMeta),
                ("new_only", NewOnly), ("sub", lambda n: Sub(n) - 1), ("ne", lambda n: Ne(n) != 1),
                ("reflected", lambda n: 1 >= Ge(n))]:
    print(name, measure(t))

class Chain3:
    def __init__(self, n): self.next = Chain3(n - 1) if n else None
class Eq3:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return Eq3(self.n - 1) == o if self.n else True
def f3(n): return f3(n-1) if n else 0
for name, mk in (("chain", Chain3), ("eq", lambda n: Eq3(n) == 1), ("f", f3)):
    for n in range(490, 1000):
        try:
            mk(n)
        except RecursionError as e:
            print(name, n, e)
            break

# The message says which level failed: the class call or the frame.
class Chain2:
    def __init__(self, n): self.next = Chain2(n - 1) if n else None
def at_depth(k, fn):
    if k: return at_depth(k - 1, fn)
    return fn()
for k in range(985, 1000):
    try:
        at_depth(k, lambda: Chain2(0))
        r = "ok"
    except RecursionError as e:
        r = str(e)
    print(k, r)
sys.setrecursionlimit(200)
print("limit 200", measure(Chain), measure(lambda n: Eq(n) == 1), measure(plain))
sys.setrecursionlimit(1000)
