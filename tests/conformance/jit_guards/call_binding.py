# Calls the JIT inlines with arguments bound at compile time: defaults,
# keyword arguments, closures (reading and writing cells), captured
# functions, bound methods in variables; then the same functions changed.
def clamp(x, lo=0, hi=100):
    return lo if x < lo else hi if x > hi else x

def make_counter(start=0):
    count = start
    def bump(step=1):
        nonlocal count
        count += step
        return count
    return bump

def compose(f, g):
    return lambda x: f(g(x))

class Acc:
    def __init__(self):
        self.v = 0
    def add(self, k, times=1):
        self.v += k * times
        return self.v

c = make_counter(5)
h = compose(lambda y: y + 1, lambda y: y * 3)
a = Acc()
add = a.add
s = 0
for i in range(3000):
    s += clamp(i - 50) + clamp(i, hi=2000) + clamp(x=i % 7, lo=3)
    s += c() if i % 2 else c(step=3)
    s += h(i % 10)
    add(i % 5, times=2)
    if i == 2000:
        clamp.__defaults__ = (10, 20)
print(s, a.v, c(0))

def kw_only(a, *, b=2):
    return a * b
t = 0
for i in range(2000):
    t += kw_only(i, b=3) + kw_only(i)
print(t)

def bad_call():
    out = 0
    for i in range(3000):
        if i < 2990:
            out += clamp(i, hi=50)
        else:
            out += clamp(i, high=50)
    return out
try:
    bad_call()
except TypeError as e:
    print("TypeError:", e)

def counter_swap():
    f = make_counter()
    g = compose(abs, f)
    r = 0
    for i in range(3000):
        r += g()  if False else f()
        if i == 1000:
            f = make_counter(100)
    return r
print(counter_swap())
