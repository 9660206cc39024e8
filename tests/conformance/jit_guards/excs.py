# Exception classes whose __new__/__init__ are BaseException's are built
# without looking them up (init_plan's EXC_PLAIN_INIT); every change that
# makes them someone else's must be seen, in hot loops.
import sys
import re
import traceback


def tbtext(t):
    return re.sub(r'File ".*?([^/"]+)"', r'File "\1"', t)


class Plain(Exception):
    pass


class Sub(Plain):
    pass


class Slotted(LookupError):
    __slots__ = ("extra",)


def show(e):
    return "%s %r %s %r" % (type(e).__name__, e.args, e, e)


def raise_loop(cls, n, *args):
    out = []
    for i in range(n):
        try:
            if i % 3 == 0:
                raise cls
            elif i % 3 == 1:
                raise cls(*args)
            else:
                raise cls(i, *args) from None
        except Exception as e:
            if i % 97 == 0 or i == n - 1:
                out.append(show(e) + " ctx=%r cause=%r sup=%r" % (e.__context__, e.__cause__, e.__suppress_context__))
    return out


for cls in (ValueError, KeyError, Plain, Sub, Slotted, ZeroDivisionError, StopIteration, OSError):
    for line in raise_loop(cls, 300, "msg"):
        print(line)

# Built by calls, not raised.
made = []
for i in range(500):
    e = Sub("a", i) if i % 2 else KeyError(i)
    if i % 50 == 0:
        made.append(show(e))
    e.note = i
print(made, e.note)

# Keyword arguments go the general way (and fail as CPython's do).
for cls in (Plain, ValueError):
    for i in range(200):
        try:
            cls(x=1)
        except TypeError as t:
            msg = str(t)
    print(cls.__name__, msg)


# Giving a base class an __init__ (or __new__) mid-loop must be seen by its subclasses.
def init_py(self, *args):
    Exception.__init__(self, "patched", *args)
    self.seen = len(args)


def new_py(cls, *args):
    inst = Exception.__new__(cls, "from new", *args)
    inst.made = True
    return inst


res = []
for i in range(900):
    if i == 300:
        Plain.__init__ = init_py
    if i == 500:
        del Plain.__init__
    if i == 700:
        Plain.__new__ = new_py
    try:
        raise Sub(i)
    except Plain as e:
        if i % 100 in (0, 99):
            res.append((i, e.args, getattr(e, "seen", None), getattr(e, "made", None)))
print(res)
del Plain.__new__

# A class whose __init__ is a Python function set on the class itself after
# it has been raised many times.
class Late(Exception):
    pass


vals = []
for i in range(600):
    if i == 400:
        Late.__init__ = lambda self, *a: setattr(self, "late", a)
    try:
        raise Late(i)
    except Late as e:
        vals.append((e.args, getattr(e, "late", None)))
print(vals[399], vals[400], vals[599])


# A metaclass whose __call__ decides.
class Meta(type):
    def __call__(cls, *args):
        inst = super().__call__(*args)
        inst.via_meta = True
        return inst


class WithMeta(Exception, metaclass=Meta):
    pass


got = None
for i in range(300):
    try:
        raise WithMeta(i)
    except WithMeta as e:
        got = (e.args, e.via_meta)
print(got)


# Raising at the recursion limit: the class call counts a level.
def deep(n):
    try:
        return deep(n + 1)
    except RecursionError:
        try:
            raise Plain(n)
        except RecursionError as r:
            return ("recursion", str(r))
        except Plain as p:
            return ("plain", p.args == (n,))


old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
print(deep(0))
sys.setrecursionlimit(old)


# Tracebacks and chaining of exceptions raised in hot loops and callees.
def inner(i):
    if i % 4 == 0:
        raise Sub("inner", i)
    if i % 4 == 1:
        return {}["k%d" % i]
    return i


def middle(i):
    try:
        return inner(i)
    except KeyError as k:
        raise ValueError("from key") from k


tbs = []
for i in range(400):
    try:
        middle(i)
    except Exception as e:
        if i in (0, 1, 396, 397):
            tbs.append("".join(traceback.format_exception(type(e), e, e.__traceback__)))
            tbs.append(repr(e.__cause__) + " " + repr(e.__context__))
for t in tbs:
    print(tbtext(t))

count = 0
for i in range(1000):
    try:
        try:
            raise Sub(i)
        finally:
            count += 1
    except Plain:
        try:
            raise
        except Sub as s:
            count += s.args[0] % 7
print(count, sys.exc_info())

# An uncaught exception raised in a hot loop.
def boom(n):
    for i in range(n):
        if i == n - 1:
            raise Sub("uncaught", i)


for k in range(5):
    try:
        boom(300)
    except Sub:
        pass
try:
    boom(300)
except Sub:
    print(tbtext(traceback.format_exc()))
