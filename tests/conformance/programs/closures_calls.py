# The benchmark program of the same name at its small size: the JIT must
# give exactly CPython's output on whole programs too.
"""Many small calls: closures (with and without nonlocal state), default and
keyword arguments, keyword-only parameters, *args and **kwargs, a
hand-written decorator, lambdas, bound methods and function composition.
Stresses call setup, argument binding and cell variables.

Size: number of loop iterations.
"""
import sys


def make_adder(n):
    def add(x):
        return x + n
    return add


def make_counter(start=0):
    count = start

    def bump(step=1):
        nonlocal count
        count += step
        return count
    return bump


def clamp(x, lo=0, hi=1000):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def total(*values):
    s = 0
    for v in values:
        s += v
    return s


def weighted(a, b, *, wa=1, wb=1):
    return a * wa + b * wb


def apply(func, *args, **kwargs):
    return func(*args, **kwargs)


def compose(f, g):
    return lambda x: f(g(x))


def counted(func):
    calls = [0]

    def wrapper(*args, **kwargs):
        calls[0] += 1
        return func(*args, **kwargs)
    wrapper.calls = calls
    return wrapper


@counted
def mix(a, b, scale=2):
    return (a * scale + b) % 1009


class Accumulator:
    def __init__(self):
        self.value = 0

    def add(self, amount, times=1):
        self.value = (self.value + amount * times) % 1000000007
        return self.value


def run(iterations):
    adders = [make_adder(k) for k in range(8)]
    counter = make_counter(10)
    double_then_inc = compose(make_adder(1), lambda x: x * 2)
    acc = Accumulator()
    add = acc.add
    checksum = 0
    for i in range(iterations):
        x = adders[i % 8](i)
        x = clamp(x % 1500 - 200, hi=900)
        x += total(i % 5, 1, 2)
        x += weighted(x, i % 3, wb=4)
        x += apply(weighted, i % 7, 2, wa=3)
        x += mix(x, i % 11) + mix(b=1, a=x, scale=3)
        x += double_then_inc(i % 100)
        if i % 4 == 0:
            x += counter()
        else:
            x += counter(step=2) % 7
        add(x, times=i % 3 + 1)
        checksum = (checksum * 7 + x) % 1000000007
    return checksum, acc.value, counter(0), mix.calls[0]


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    checksum, value, count, calls = run(iterations)
    print("checksum: %d,%d,%d,%d" % (checksum, value, count, calls))


main()
