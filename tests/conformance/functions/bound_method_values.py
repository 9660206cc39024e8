# Calls of bound-method values (not `obj.m(...)` at the call site): self
# binding, defaults, argument errors, __call__, MethodType, recursion.
class A:
    def m(self, x, y=5):
        return (self.v, x, y)
    def __init__(self, v):
        self.v = v
a = A(1)
m = a.m
print([m(i) for i in range(3)], m(1, 2))
try:
    m()
except TypeError as e:
    print(e)
try:
    m(1, 2, 3)
except TypeError as e:
    print(e)
class B:
    def __call__(self, x): return x * 2
b = B()
print(b(4), [b(i) for i in range(3)])
import types
mm = types.MethodType(lambda self, k: (self, k), 7)
print(mm(3))
def deep(o, n):
    return n if n == 0 else o.f(n - 1)
class C:
    pass
c = C()
c.f = lambda n: deep(c, n)
print(deep(c, 10))
bf = C().__init__
print(bf())
try:
    def rec(n): return rec2(n + 1)
    rec2 = A(0).m.__func__
    class D:
        def r(self, n): return self.r(n + 1)
    D().r(0)
except RecursionError as e:
    print("RecursionError:", e)


class E:
    def r(self, n):
        return bound(n + 1)


bound = E().r
try:
    bound(0)
except RecursionError as e:
    print("RecursionError:", e)
