# Calls of compiled functions from compiled code (`nativecall`), recursion
# inlined into itself (`recursion`): results, tracebacks, frames, recursion
# limits and guard failures must be exactly the interpreter's.
import sys
import traceback


def tb_text():
    # The traceback being handled, file paths reduced to the file name.
    out = []
    for line in traceback.format_exc().rstrip().split("\n"):
        if 'File "' in line:
            a = line.index('File "') + 6
            b = line.index('"', a)
            line = line[:a] + line[a:b].split("/")[-1] + line[b:]
        out.append(line)
    return "\n".join(out)


def tb_lines(e):
    out = []
    tb = e.__traceback__
    while tb is not None:
        out.append(tb.tb_lineno)
        tb = tb.tb_next
    return out


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print("fib:", [fib(i) for i in range(15)], fib(22))


# --- recursion that raises at depth: the traceback shows every frame -------
def down(n, bad):
    if n == bad:
        raise ValueError("bottom at %d" % n)
    if n == 0:
        return 0
    return down(n - 1, bad) + 1


total = 0
for i in range(3000):
    total += down(i % 12, -1)
print("down total:", total)
try:
    down(9, 3)
except ValueError as e:
    print("raised:", e, tb_lines(e))
    print(tb_text())


# --- frames of natively called functions are visible --------------------
def where(n):
    if n == 0:
        f = sys._getframe()
        names = [f.f_code.co_name]
        f = f.f_back
        while f is not None:
            names.append((f.f_code.co_name, f.f_lineno))
            f = f.f_back
        return names
    return where(n - 1)


for i in range(2000):
    where(i % 5)
print("frames:", where(4))


# --- RecursionError with a raised limit, caught and continued -----------
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n


def sum_to(n):
    if n == 0:
        return 0
    return n + sum_to(n - 1)


for i in range(2000):
    sum_to(i % 20)
old_limit = sys.getrecursionlimit()
sys.setrecursionlimit(30000)
print("deep sum:", sum_to(25000))
reached = depth(0)
print("recursion error near the limit:", 30000 - 100 < reached < 30000)
try:
    sum_to(10 ** 6)
except RecursionError as e:
    print("RecursionError:", e)
print("after the error:", sum_to(1000))
sys.setrecursionlimit(old_limit)
print("limit restored:", sum_to(500))


# --- a recursive function rebound while it runs -------------------------
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


for i in range(2000):
    fact(i % 15)
old_fact = fact


def fact(n):
    return -1


print("rebound:", old_fact(10), fact(10))


def countdown(n):
    global countdown
    if n == 5:
        countdown = lambda n: 1000
    if n == 0:
        return 0
    return countdown(n - 1) + 1


def countdown_orig(n):
    if n == 0:
        return 0
    return countdown_orig(n - 1) + 1


for i in range(2000):
    countdown_orig(i % 9)
print("rebound mid-recursion:", countdown(8), countdown(3))


# --- an argument that changes type in a compiled callee -----------------
def rsum(x, d):
    if d == 0:
        return x
    return rsum(x, d - 1) + x


acc = 0
for i in range(3000):
    acc += rsum(i, i % 7)
print("ints:", acc)
print("float:", rsum(0.5, 6))
print("overflow:", rsum(2 ** 61, 6), rsum(-(2 ** 62), 5))
print("bigint:", rsum(10 ** 30, 4))
print("str:", rsum("ab", 3))
print("list:", rsum([1], 2))
print("ints again:", sum(rsum(i, 4) for i in range(100)))


# --- keyword and default arguments ---------------------------------------
def kd(n, step=1, *, acc=0):
    if n <= 0:
        return acc
    return kd(n - step, step, acc=acc + n)


def pd(n, step=1):
    if n <= 0:
        return 0
    return pd(n - step) + pd(n - 2, step=2) + 1


r = 0
for i in range(2000):
    r += kd(i % 10) + kd(i % 10, 2) + pd(i % 8)
print("keywords and defaults:", r, kd(10, step=3, acc=1), pd(12, step=3))


# --- methods and closures ------------------------------------------------
class Node:
    def __init__(self, value, left=None, right=None):
        self.value = value
        self.left = left
        self.right = right

    def size(self):
        n = 1
        if self.left is not None:
            n += self.left.size()
        if self.right is not None:
            n += self.right.size()
        return n

    def total(self):
        t = self.value
        if self.left is not None:
            t += self.left.total()
        if self.right is not None:
            t += self.right.total()
        return t


def build(d, v):
    if d == 0:
        return Node(v)
    return Node(v, build(d - 1, 2 * v), build(d - 1, 2 * v + 1))


tree = build(8, 1)
s = 0
for i in range(20):
    s += tree.size() + tree.total()
print("tree:", s)
tree.left.left.value = 1.5
print("tree with a float:", tree.total())


def make_counter(limit):
    def walk(n):
        if n >= limit:
            return n
        return walk(n + 1) + 1
    return walk


w = make_counter(12)
print("closure:", sum(w(i % 12) for i in range(3000)))


# --- generators calling compiled functions -------------------------------
def gen(k):
    for i in range(k):
        yield fib(i % 12) + sum_to(i % 10)


print("generator:", sum(gen(3000)))


def rgen(n):
    if n > 0:
        yield from rgen(n - 1)
    yield fib(n % 10)


print("recursive generator:", list(rgen(12)), sum(sum(rgen(8)) for _ in range(300)))


# --- mutual recursion ----------------------------------------------------
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


print("mutual:", sum(1 for i in range(3000) if is_even(i % 50)), is_odd(777))


def ping(n, log):
    if n == 0:
        raise KeyError("pong")
    return pong(n - 1, log) + 1


def pong(n, log):
    log.append(n)
    return ping(n, log)


for i in range(500):
    try:
        ping(i % 5 + 1, [])
    except KeyError:
        pass
try:
    ping(3, [])
except KeyError as e:
    print("mutual traceback:", tb_lines(e))
    print(tb_text())


# --- callees that side-exit on every call ---------------------------------
def always_raise(n):
    if n >= 0:
        raise IndexError(n)
    return always_raise(n + 1)


def catcher(n):
    try:
        return always_raise(n)
    except IndexError as e:
        return e.args[0] * 2


print("raise every call:", sum(catcher(i % 9 - 4) for i in range(3000)))


def alternate(x, d):
    if d == 0:
        return x
    return alternate(x, d - 1) * 1


vals = [1, 1.5, "s", [0], 2 ** 70, True, -3]
out = []
for i in range(3000):
    out.append(alternate(vals[i % 7], i % 4))
print("types every call:", len(out), out[:7], sum(1 for v in out if v == -3))


def handles(n):
    try:
        if n % 3 == 0:
            return 10 // (n - n)
        return handles(n - 1) + 1
    except ZeroDivisionError:
        return -100


print("caught inside:", sum(handles(i % 20) for i in range(3000)))


# --- an uncaught exception from deep inside native calls -----------------
def crash(n):
    if n == 0:
        return {}["missing"]
    return crash(n - 1) + 1


for i in range(1500):
    try:
        crash(i % 4 + 1)
    except KeyError:
        pass
print("about to crash")
sys.stdout.flush()
crash(3)
