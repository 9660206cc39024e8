# Fuzz seed 82028, minimized (kept as generated: the crash depended on the
# allocation pattern). `C8.m` is replaced while compiled code of the loop
# calling it exists: the old function is freed, but the call site's inline
# cache still records its address with the class's old version. Before the
# translator checked that a cached class version is still live
# (`class_version_live`), recompiling read the freed function: heap
# corruption with `--jit-threshold=2` (also with `+background`).
def clip(v):
        return v % (2**67) - 2**66
def en(e):
    return type(e).__name__ + ':' + str(e)
class Obj:
    def __init__(self): self.v = 0
def helper(p, q):
    return p - q if p > q else q * 2 + 1
class E2(Exception):
    pass
def rf3(x):
    return x * 2
class C5:
    def __init__(self, x):
        self.x = x
class D6(C5 if True else object):
    def __init__(self, x):
        self.x = x; self.y = 1
class C8:
    def __init__(self, x):
        self.y = 0
    def m(self, q):
        return self.x + q * self.k
    @property
    def p(self):
        return self.x * 2
class D9(C8 if True else object):
    def __init__(self, x):
        self.x = x; self.y = 1
    def m(self, q):
        return q - self.x
def blk4():
    for i in range(41):
        try:
            if i == 29: C5.p = property(lambda self: -1)
        except (ZeroDivisionError, OverflowError, ValueError, TypeError, IndexError, KeyError, AttributeError, NameError, RecursionError) as e:
            ne += 1; le = en(e)
for _r in range(3): blk4()
def blk7():
    objs = [C8(-7), D9(7), C8(1.5)]
    acc = 0; ne = 0; le = ''
    for i in range(65):
        o = objs[i % 1]
        try:
            if i == 47: C8.m = lambda self, q: q * 3
            acc = clip(acc + o.m(i))
        except (ZeroDivisionError, OverflowError, ValueError, TypeError, IndexError, KeyError, AttributeError, NameError, RecursionError) as e:
            ne += 1; le = en(e)
    print('cls', acc, [(type(q).__name__, getattr(q, 'x', None), q.y) for q in objs], ne, le)
for _r in range(12): blk7()
