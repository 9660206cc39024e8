# An exception raised in a function inlined into a compiled loop and
# caught by the loop's own frame: the traceback shows the inlined frame's
# locals as they were (unboxed numbers, a virtual instance, a tuple of
# *args), whichever way the JIT leaves or catches.


class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def step(i, scale, *extra):
    f = i * scale
    k = i * 3
    v = V(f, k)
    if i % 250 == 249:
        raise ValueError(i)
    return v.x + v.y + len(extra)


def run(n):
    total = 0.0
    seen = []
    for i in range(n):
        try:
            total += step(i, 0.5, 1, 2)
        except ValueError as e:
            loc = e.__traceback__.tb_next.tb_frame.f_locals
            seen.append((loc["i"], loc["f"], loc["k"], loc["v"].x, loc["v"].y, loc["extra"], loc["scale"]))
    return total, seen


t, s = run(1000)
print(t)
for row in s:
    print(row)
