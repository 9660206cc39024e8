# Keyword calls (their fast path) inside class instantiation: the
# recursion limit counts both as CPython 3.11 does.
class C:
    def __init__(self, n):
        self.v = f(n=n)
def f(n):
    return C(n - 1).v + 1 if n else 0
def maxok(fn):
    lo, hi = 1, 3000
    while lo < hi:
        m = (lo + hi + 1) // 2
        try:
            fn(m); lo = m
        except RecursionError:
            hi = m - 1
    return lo
print(maxok(lambda n: f(n=n)))
