# *args functions called with positional arguments (the call fast path):
# the tuple, defaults before it, methods, recursion.
def h(*args): return args
def g(a, b=2, *rest): return (a, b, rest)
print(h(), h(1), h(1, 2, 3), g(1), g(1, 5), g(1, 5, 6, 7))
class K:
    def m(self, *a): return (type(self).__name__, a)
    def s(*a): return len(a)
k = K()
bm = k.m
print(bm(1, 2), k.m(), K.s(1, 2), k.s(), bm())
sb = k.s
print(sb(), sb(1, 2))
try:
    g()
except TypeError as e: print(e)
def rec(*a):
    return rec(*a, 1) if len(a) < 50 else len(a)
print(rec())
print([h(i, i) for i in range(3)])
