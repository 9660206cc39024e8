# Dicts across the small (scanned) and indexed layouts: growth past eight
# keys, deletions and reinsertion, order, equal keys of different types,
# keys whose __eq__ mutates the dict, popitem and clear.
d = {}
for i in range(20):
    d[i] = i * i
    if i in (3, 7, 8, 9, 15):
        print(len(d), list(d)[-3:], d.get(i - 1), (i + 100) in d)
for i in range(0, 20, 3):
    del d[i]
print(len(d), list(d.items())[:5], 3 in d, 4 in d)
for i in range(0, 20, 3):
    d[i] = -i
print(list(d)[-7:])

small = {"a": 1, "b": 2}
del small["a"]
small["c"] = 3
small["a"] = 4
print(small, list(small), small.popitem(), small)
for k in list(small):
    del small[k]
print(small, len(small))
for i in range(10):
    small[str(i)] = i
    del small[str(i)]
print(small, len(small))
small.update({str(i): i for i in range(12)})
print(len(small), list(small)[:3], small.pop("5"), "5" in small)

# 1, 1.0 and True are one key
m = {1: "int"}
m[1.0] = "float"
m[True] = "bool"
print(m, {True: 1, 1: 2, 1.0: 3})


class K:
    def __init__(self, n, target=None):
        self.n = n
        self.target = target

    def __hash__(self):
        return 7

    def __eq__(self, other):
        if self.target is not None:
            self.target["late"] = 1
            self.target = None
        return isinstance(other, K) and self.n == other.n


keys = [K(i) for i in range(5)]
kd = {k: k.n for k in keys}
print(kd[K(3)], K(9) in kd, len(kd))
victim = {K(1): "one"}
print(victim.get(K(1, victim)), sorted(str(k) for k in victim if isinstance(k, str)))


class Obj:
    pass


o = Obj()
for i in range(12):
    setattr(o, f"a{i}", i)
    if i % 4 == 3:
        delattr(o, f"a{i - 1}")
print(sorted(vars(o).items())[:4], len(vars(o)))
kw = (lambda **k: k)(**{f"k{i}": i for i in range(10)})
print(list(kw)[-2:], kw.get("k3"), kw.get("k10"))
d2 = dict.fromkeys("abcdefghijk", 0)
d2.clear()
d2["z"] = 1
print(d2, {**d2, "y": 2})
