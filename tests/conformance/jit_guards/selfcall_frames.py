# Compiled self-calls (selfcall): the callee's frame record and the
# records of inlined frames are pushed by compiled code; everything that
# looks at frames must see what the interpreter shows.
import sys
import traceback


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print("fib", [fib(i) for i in range(22)])

# Frame introspection at the bottom of the recursion: every level's record
# (inlined ones included) with its line and named locals.
seen = []


def walk(n, acc):
    if n == 0:
        top = f = sys._getframe()
        out = []
        while f is not None and f.f_code.co_name == "walk":
            # (The running frame's own f_lineno is left out: Spry's
            # interpreter does not keep it current.)
            out.append((0 if f is top else f.f_lineno, f.f_locals["n"], f.f_locals["acc"]))
            f = f.f_back
        seen.append(out)
        return len(out)
    acc = acc + n
    return walk(n - 1, acc) + 0


for i in range(3000):
    r = walk(i % 7, 0)
print("walk", r, seen[-1])
print("walk13", walk(13, 1), seen[-1][:3], len(seen[-1]))


# A small recursive function (inlined into itself, its self-calls made
# from inlined frames): every caller's line while the bottom runs.
def probe():
    f = sys._getframe(1)
    out = []
    while f.f_code.co_name == "lines":
        out.append(f.f_lineno)
        f = f.f_back
    return out


def lines(n):
    if n == 0:
        return probe()
    r = lines(n - 1)
    return r


for i in range(3000):
    r = lines(i % 8)
print("lines", r, lines(11))


# Exceptions through several native levels, with tracebacks.
def boom(n):
    if n == 0:
        raise ValueError("bottom")
    return boom(n - 1) + 1


def safe(n):
    try:
        return boom(n)
    except ValueError as e:
        return str(e)


for i in range(2000):
    safe(i % 5)
try:
    boom(6)
except ValueError:
    tb = traceback.format_exc()
# (The script's path shortened to its name: CPython and Spry show it absolute.)
print(tb.replace(__file__, __file__.rsplit("/", 1)[-1]))


# An exception handled inside the recursion.
def handled(n):
    if n == 0:
        raise KeyError(n)
    try:
        return handled(n - 1) + 1
    except KeyError:
        return -100


print("handled", [handled(i % 9 + 1) for i in range(1500)][-9:])


# The result type changes after the call site was compiled.
def kinds(n):
    if n <= 0:
        return n if n == 0 else None
    r = kinds(n - 1)
    if r is None:
        return "none"
    if isinstance(r, str):
        return r + "!"
    return r + 1


print("kinds", [kinds(i % 6) for i in range(3000)][-6:], kinds(-1), kinds(5))
for i in range(300):
    kinds(4)
print("kinds2", kinds(3), [kinds(-1) for _ in range(3)])


# Redefinition mid-recursion.
def count(n):
    if n == 0:
        return 0
    if n == 50:
        global count
        count = other
    return count(n - 1) + 1


def other(n):
    return 1000 + n


saved = count
print("count", [saved(i % 40) for i in range(3000)][-3:])
print("count redefined", saved(80), count(3))
count = saved


# Recursion inside an except block: the callee's exception-stack depth.
def inner(n):
    if n == 0:
        return repr(sys.exc_info()[1])
    return inner(n - 1)


def outer(n):
    try:
        raise IndexError("outer %d" % n)
    except IndexError:
        r = inner(n)
        return r, repr(sys.exc_info()[1])


for i in range(1500):
    outer(i % 4)
print("exc", outer(3), sys.exc_info())


# Garbage cycles made at every level (collections while compiled code recurses).
class Node:
    pass


def cycles(n):
    if n == 0:
        return 0
    a = Node()
    a.me = a
    a.payload = [n] * 3
    return cycles(n - 1) + len(a.payload)


print("cycles", sum(cycles(i % 30) for i in range(3000)))


# Methods calling themselves (self.m(...)), with introspection.
class Q:
    def __init__(self):
        self.hits = 0

    def place(self, row):
        if row == 6:
            self.hits += 1
            f1, f2 = sys._getframe(1), sys._getframe(2)
            return f1.f_locals["row"] * 10 + f2.f_code.co_name.count("place"), f1.f_lineno, f2.f_lineno
        r = self.place(row + 1)
        return r


q = Q()
print("method", [q.place(i % 6) for i in range(2000)][-3:], q.hits)


# Deep recursion and RecursionError at the interpreter's depth.
def deep(n):
    if n == 0:
        return 0
    return deep(n - 1) + 1


for i in range(1200):
    deep(i % 20)


def probe(limit):
    sys.setrecursionlimit(limit)
    lo, hi = 0, limit + 10
    while lo < hi:
        mid = (lo + hi + 1) // 2
        try:
            deep(mid)
            lo = mid
        except RecursionError:
            hi = mid - 1
    sys.setrecursionlimit(1000)
    return limit - lo


print("depth", probe(1000), probe(5000), probe(60000))
try:
    deep(10 ** 6)
except RecursionError as e:
    print("RecursionError", e)
print("deep", deep(900))
