# Dict lookups by str and tuple keys take paths that compare without
# calling __eq__; every key kind that needs __eq__ must still get it.

class S(str):
    calls = 0
    def __eq__(self, other):
        S.calls += 1
        return str.__eq__(self, other)
    def __hash__(self):
        return str.__hash__(self)

d = {}
for i in range(20):
    d["k%d" % i] = i
small = {"a": 1, "b": 2}
for table in (small, d):
    k = S("a") if table is small else S("k3")
    print(table.get(k), k in table, table[k] if k in table else None)
    table[S("new")] = 5
    print(table.get("new"), len(table), S.calls > 0)
print(S.calls)

# Keys with equal hashes and different text.
class H:
    def __init__(self, v, h):
        self.v = v
        self.h = h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        print("eq", self.v, getattr(other, "v", other))
        return isinstance(other, H) and self.v == other.v
    def __repr__(self):
        return "H(%r)" % self.v

t = {H("x", 1): "x", H("y", 1): "y"}
print(t[H("y", 1)], H("z", 1) in t)
big = {H(i, 7): i for i in range(12)}
print(big[H(11, 7)])

# Tuple keys: strs and ints compare directly; other items use __eq__.
counts = {}
cities = ["oslo", "lima", "cairo"]
for i in range(300):
    key = (cities[i % 3] + "", "k" + str(i % 2))
    counts[key] = counts.get(key, 0) + 1
    slot = (i // 100, "abc"[i % 3])
    counts[slot] = counts.get(slot, 0) + i
print(list(counts.items()))
print(counts.get(("oslo", "k0")), ("lima", "k1") in counts, (1, "a") in counts, (1, "a", 2) in counts)
print(counts.get((1.0, "a")), counts.get((True, "b")), counts.get((1, S("a"))))
class E:
    def __eq__(self, other):
        print("E.eq")
        return True
    def __hash__(self):
        return hash("oslo")
counts2 = {("oslo", 1): "a"}
print(counts2.get((E(), 1)), counts2.get(("oslo", 1.0)), counts2.get(("oslo", E())))
nan = float("nan")
nk = {(nan, "x"): 1}
print(nk.get((nan, "x")), nk.get((float("nan"), "x")))
print({(1, 2): 3}.get((1, 2)), {((1, "a"), "b"): 4}.get(((1, "a"), "b")))

# Mutation during lookup via __eq__ restarts correctly.
class M:
    def __init__(self, d):
        self.d = d
    def __hash__(self):
        return 5
    def __eq__(self, other):
        self.d.clear()
        return False
md = {}
md[M(md)] = 1
print(md.get(M(md)), len(md))

# Mutation during iteration.
dd = {"a": 1, "b": 2}
try:
    for k in dd:
        dd[k + "x"] = 0
except RuntimeError as e:
    print("RuntimeError", e)

# str comparisons of subclasses and mixed types still go through __eq__.
print(S("q") == "q", "q" == S("q"), "q" != S("r"), "a" == 1, "a" != None, S.calls > 0)
