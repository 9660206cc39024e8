# Compiled code calling other compiled functions directly (`directcall`):
# callees too big to inline, known as constants or found at run time
# (polymorphic methods), whose frames are pushed by the compiled caller.
# Results, tracebacks, frames, recursion limits and guard failures must be
# exactly the interpreter's.
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


# --- polymorphic bodies too big to inline, subclasses arriving mid-loop --
class Task:
    def __init__(self, k):
        self.k = k
        self.n = 0
        self.log = []

    def step(self, x):
        return self.body(x)

    def body(self, x):
        raise NotImplementedError


class A(Task):
    def body(self, x):
        a = x + self.k
        b = a * 3 - self.n
        c = (a + b) % 97
        d = c * c - a
        e = d // 7 + b
        f = e - c + a
        g = (f * 5) % 1009
        self.n += 1
        if g % 2 == 0:
            self.log.append(g)
        return g + a - b + c - d + e - f


class B(Task):
    def body(self, x):
        a = x - self.k
        b = a * 5 + self.n
        c = (a - b) % 89
        d = c * 3 + a
        e = d % 11 + b
        f = e + c - a
        g = (f * 7) % 1013
        self.n += 2
        if g % 3 == 0:
            self.log.append(g)
        return g - a + b - c + d - e + f


class C(B):
    def body(self, x):
        r = B.body(self, x)
        a = r + 1
        b = a * 2
        c = b - a
        d = c * c % 101
        e = d + a - b
        f = e * 3 % 7
        g = f + r
        return g + 1


def run(tasks, rounds):
    total = 0
    for i in range(rounds):
        t = tasks[i % len(tasks)]
        total += t.step(i)
    return total


ts = [A(1), B(2)]
print("two classes:", run(ts, 3000))
ts.append(C(3))
print("subclass mid-run:", run(ts, 3000))
ts.append(A(4))
ts.append(C(5))
print("more instances:", run(ts, 3000))
print("logs:", [len(t.log) for t in ts], [t.n for t in ts])


# --- a method redefined on the class mid-loop -----------------------------
def redefine_mid_loop():
    tasks = [A(1), B(2), A(3)]
    total = 0
    for i in range(4000):
        if i == 2500:
            def body(self, x):
                a = x * 2
                b = a + 1
                c = b * b % 13
                d = c + a
                e = d - b
                f = e * 3
                g = f % 17
                return -(g + a + b + c + d + e + f)
            A.body = body
        total += tasks[i % 3].step(i)
    return total


print("redefined:", redefine_mid_loop())
print("after redefinition:", run([A(1), B(2)], 2000))


# --- an instance attribute shadowing the method mid-loop ---------------
def shadow_mid_loop():
    tasks = [A(1), B(2)]
    total = 0
    for i in range(3000):
        if i == 1700:
            tasks[1].body = lambda x: 1000000
        if i == 2300:
            del tasks[1].body
        total += tasks[i % 2].step(i)
    return total


print("shadowed:", shadow_mid_loop())


# --- attributes deleted mid-loop: the callee raises AttributeError ------
def delete_mid_loop():
    tasks = [B(1), A(2)]
    out = []
    for i in range(3000):
        if i == 2000:
            del tasks[0].k
        try:
            out.append(tasks[i % 2].step(i))
        except AttributeError as e:
            out.append(str(e))
            tasks[0].k = 7
    return len(out), out[1995:2005], sum(x for x in out if isinstance(x, int))


print("deleted:", delete_mid_loop())


# --- a callee raising through the direct call: traceback lines ---------
class Boom(A):
    def body(self, x):
        a = x + self.k
        b = a * 3 - self.n
        c = (a + b) % 97
        d = c * c - a
        e = d // 7 + b
        f = e - c + a
        g = (f * 5) % 1009
        if x == 2998:
            raise ValueError("boom at %d" % x)
        return g + a - b + c - d + e - f


def raising():
    tasks = [Boom(1), B(2)]
    total = 0
    try:
        for i in range(3001):
            total += tasks[i % 2].step(i)
    except ValueError as e:
        print("raised:", e, total)
        print(tb_text())


raising()


# --- a constant callee (a global function) too big to inline ------------
def big(x, y):
    a = x + y
    v0 = (a + a * 3) % 10007
    v1 = (v0 + a * 3) % 10007
    v2 = (a - a * 3) % 10007
    v3 = (v2 - v0 * 3) % 10007
    v4 = (v3 + a * 3) % 10007
    v5 = (a + v4 * 3) % 10007
    v6 = (v2 + v1 * 3) % 10007
    v7 = (v5 + v1 * 3) % 10007
    v8 = (v1 + v6 * 3) % 10007
    v9 = (v1 + a * 3) % 10007
    v10 = (v2 + v2 * 3) % 10007
    v11 = (v1 - v3 * 3) % 10007
    v12 = (v2 + v7 * 3) % 10007
    v13 = (v1 + v10 * 3) % 10007
    v14 = (v13 - v5 * 3) % 10007
    v15 = (a - v10 * 3) % 10007
    v16 = (v4 - v3 * 3) % 10007
    v17 = (v1 - v9 * 3) % 10007
    v18 = (v17 - a * 3) % 10007
    v19 = (v1 - v8 * 3) % 10007
    v20 = (v8 - v14 * 3) % 10007
    v21 = (v4 - v14 * 3) % 10007
    v22 = (v21 + v4 * 3) % 10007
    v23 = (v7 - a * 3) % 10007
    v24 = (v11 - a * 3) % 10007
    v25 = (v10 + v11 * 3) % 10007
    v26 = (v13 + v0 * 3) % 10007
    v27 = (v18 + v5 * 3) % 10007
    v28 = (v23 - v6 * 3) % 10007
    v29 = (v10 - v15 * 3) % 10007
    return v24 + v25 + v26 + v27 + v28 + v29


def call_big(n):
    t = 0
    for i in range(n):
        t += big(i, t % 7)
    return t


print("global callee:", call_big(3000))
big_orig = big


def big(x, y):
    return x - y


print("global rebound:", call_big(3000))
big = big_orig
print("global restored:", call_big(3000))
print("argument types:", big(1.5, 2), big(2 ** 62, 2 ** 62))


# --- mutual recursion through direct calls: RecursionError -----------
def ping(n, v):
    if n == 0:
        return v
    a = v + 1
    b = a * 2
    c = b - v
    d = c + a
    e = d - b
    f = e + c
    g = f - d
    r = pong(n - 1, v)
    return r + (a + b + c + d + e + f + g) % 3


def pong(n, v):
    if n == 0:
        return v
    a = v + 2
    b = a * 3
    c = b - v
    d = c + a
    e = d - b
    f = e + c
    g = f - d
    r = ping(n - 1, v)
    return r + (a + b + c + d + e + f + g) % 5


t = 0
for i in range(3000):
    t += ping(i % 30, i)
print("mutual:", t)
try:
    ping(100000, 1)
except RecursionError as e:
    print("RecursionError:", e)
print("after the error:", ping(500, 3))
old = sys.getrecursionlimit()
sys.setrecursionlimit(20000)
print("deep:", ping(15000, 2))
sys.setrecursionlimit(old)
# The argument changes type deep in the recursion: guards fail in nested
# activations (the callee's code may be invalidated while outer calls of
# it are still running).
print("floats deep:", ping(200, 0.5), ping(300, 2 ** 62), ping(60, 1))
for i in range(200):
    ping(80, 1.5 if i % 2 else 7)
print("mixed:", ping(50, 1.25), ping(51, 3))


# --- the callee's code replaced while outer calls of it still run it ----
def deep_a(n, v, k):
    if n == 0:
        return 0
    a = n + 1
    b = a * 2
    c = b - n
    d = c + a
    e = d - b
    w = v if n > k else v + 0.5
    r = deep_b(n - 1, w, k)
    return r + (a + b + c + d + e) % 3


def deep_b(n, v, k):
    if n == 0:
        return 0
    a = n + 2
    b = a * 3
    c = b - n
    d = c + a
    e = d - b
    r = deep_a(n - 1, v, k)
    return r + (a + b + c + d + e) % 5


def drive(m):
    t = 0
    for i in range(m):
        # (i > 1200: the arguments of the inner calls become floats.)
        t += deep_a(40, i, 20 if i > 1200 and i % 3 else -1)
    return t


t = 0
for i in range(3000):
    t += deep_a(i % 20, i, -1)
print("ints:", t)
print("mixed:", drive(1500))
# Below level k the arguments are floats: the inner calls fail the
# callee's entry guards until it is recompiled, while the outer calls
# still run the old code.
print("floats below:", deep_a(400, 3, 300), deep_a(400, 3, 390), deep_a(100, 1, 99))


# --- frames of directly called functions are visible ---------------------
def frames_here(x):
    f = sys._getframe()
    names = []
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    a = x + 1
    b = a * 2
    c = b - 1
    d = c * c
    e = d % 7
    g = e + a + b + c
    return names if x == 2999 else g


def frames_caller():
    r = None
    for i in range(3000):
        r = frames_here(i)
    return r


print("frames:", frames_caller())
