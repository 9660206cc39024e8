# A tuple unpacked in hot code whose items' types change after the loop
# was compiled (the first results were all None): every item must be
# stored before a type guard on any of them leaves compiled code.


class Hit:
    def __init__(self, k):
        self.k = k


def closest(i):
    if i < 3000:
        return None, None
    return Hit(i), i * 0.5


def trace(i):
    obj, t = closest(i)
    if obj is None:
        return 0.0
    return t + obj.k


def run(n):
    total = 0.0
    for i in range(n):
        total += trace(i)
    return total


def pairs(n):
    out = 0
    for i in range(n):
        a, b, c = (None, None, None) if i < 2000 else (i, "x" * (i % 3), [i])
        if a is not None:
            out += a + len(b) + c[0]
    return out


print(run(6000))
print(pairs(5000))
