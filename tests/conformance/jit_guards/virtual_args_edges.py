# Virtual *args/**kwargs (virtargs) used in other ways: loops over them,
# reassigned in a branch, passed on, captured by a lambda, locals(), two
# ** merges, stacked wrappers, keyword-only and **rest together, errors.
import sys

def loopy(*args, **kw):
    s = 0
    i = 0
    while i < len(args):
        s += args[i] * kw.get("m", 1)
        i += 1
    for k, v in kw.items():
        s += len(k) + v
    return s

def cond(*args):
    if args and args[0] % 3 == 0:
        args = (1,)
    b = args
    return len(b) + (b is args)

def passes(*args, **kw):
    return helper(args, kw) + max(*args) + sorted(kw)[0].__len__()

def helper(a, k):
    return len(a) * 10 + len(k)

def kwonly_star(*, a, b=2, **rest):
    return a * b + len(rest)

def lam(*args):
    f = lambda: args
    return len(f())

def locs(*args, **kw):
    return sorted(locals())

def two(**kw):
    return list(kw)

def merge(*args, **kw):
    other = {"q": 1}
    return two(**kw, **other)

def counted(func):
    calls = [0]
    def wrapper(*args, **kwargs):
        calls[0] += 1
        return func(*args, **kwargs)
    return wrapper

@counted
@counted
def deep(a, b=3, *rest, c=4, **kw):
    return a + b + c + len(rest) + len(kw)

def gen_user(*args):
    return sum(x for x in args)

res = []
for i in range(3000):
    r = (loopy(i, 2, 3, m=2, zz=1), cond(i, 5), passes(i, 9, 4, a=1), kwonly_star(a=i), kwonly_star(a=1, b=i, c=3),
         lam(i, i), locs(1, x=2), merge(x=i), deep(i), deep(i, 1, 2, 3, c=1, d=5), deep(a=i, c=2), gen_user(i, 1, 2),
         max(*(i, 3)), print if False else None)
    if i % 700 == 0:
        res.append(r)
print(res)
try:
    for i in range(2000):
        kwonly_star(a=1) if i < 1999 else kwonly_star(b=1)
except TypeError as e:
    print(e)
try:
    for i in range(2000):
        deep(i) if i < 1999 else deep(i, a=1)
except TypeError as e:
    print(e)
