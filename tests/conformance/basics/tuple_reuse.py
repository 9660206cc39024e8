# Small tuples built and freed in loops (their item arrays are reused):
# contents, identity-free equality, finalizer order (last item first) and
# finalizers that build tuples while a tuple is being freed.
class D:
    log = []

    def __init__(self, name):
        self.name = name

    def __del__(self):
        # Builds (and frees) tuples of every reused size while a tuple's
        # items are being released.
        t = (self.name,), (self.name, 1), (self.name, 1, 2), (self.name, 1, 2, 3)
        D.log.append(t[3][0])


def build(n):
    out = []
    for i in range(n):
        a = (i,)
        b = (i, i + 1)
        c = (i, None, "x")
        d = (a, b, c, i)
        out.append(d)
    return out


xs = build(3000)
print(len(xs), xs[0], xs[-1], sum(t[3] for t in xs))
del xs
ys = build(2000)
print(ys[1999] == ((1999,), (1999, 2000), (1999, None, "x"), 1999))

t = (D("a"), D("b"), D("c"))
del t
print(D.log)
D.log.clear()
for i in range(300):
    t = (D(i), (D(-i), i))
del t
print(len(D.log), D.log[:6], D.log[-2:])
nested = None
for i in range(1000):
    nested = (nested, i)
depth = 0
while nested is not None:
    nested, i = nested
    depth += 1
print(depth)
print([(i, j) for i in range(3) for j in range(2)])
print(tuple(range(4)), tuple(range(5)), (1,) * 3, (1, 2) + (3, 4))
