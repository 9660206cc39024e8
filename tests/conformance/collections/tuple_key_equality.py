# Dict lookups with tuple keys compare tuples element by element: identity
# first (a NaN in the same tuple object still matches), then ==, which may
# run a user __eq__ (and raise), with lengths compared first.
d = {}
for i in range(2000):
    key = ("city" + str(i % 7), "kind"[i % 4])
    d[key] = d.get(key, 0) + 1
    slot = (i // 100, "k")
    d[slot] = d.get(slot, 0) + i
print(len(d), sorted(d.items(), key=repr)[:5])

nan = float("nan")
t = (nan, 1)
m = {t: "found"}
print(m.get(t), m.get((nan, 1)), (nan, 1) == (nan, 1), t == t, [t] == [t])

calls = []
class K:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        calls.append(self.v)
        return isinstance(other, K) and self.v == other.v
    def __hash__(self):
        return hash(self.v)

m = {(K(1), "a"): 1, (K(2), "b"): 2}
print(m.get((K(1), "a")), m.get((K(2), "a")), m.get((K(3), "c")), len(calls) > 0)
print((1, 2) == (1, 2, 3), (1, 2) != (1, 2, 3), (1, (2, 3)) == (1, (2, 3)), (1, 2.0) == (1, 2), (1, True) == (1, 1))
print({(1, 2): "x"}.get((1.0, 2.0)), {(1, (2, 3)): "y"}.get((1, (2, 3))), {(): "e"}.get(()))

class Boom:
    def __eq__(self, other):
        raise RuntimeError("boom")
    def __hash__(self):
        return 7

b = {(Boom(), 1): 1}
try:
    b.get((Boom(), 1))
except RuntimeError as e:
    print("RuntimeError:", e)
x = Boom()
print({(x, 1): "same"}.get((x, 1)), (x, 1) == (x, 1))

class Mutate:
    def __init__(self, d):
        self.d = d
    def __eq__(self, other):
        self.d.clear()
        return False
    def __hash__(self):
        return 1

dd = {}
dd[(Mutate(dd), 0)] = 1
print(dd.get((Mutate(dd), 0)), len(dd))
