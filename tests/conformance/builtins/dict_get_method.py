# `d.get(k)` / `d.get(k, default)` on exact dicts is looked up without the
# generic builtin call; everything else (subclasses, overridden get,
# unhashable keys, __eq__/__hash__ raising, wrong argument counts) must
# behave as in CPython.

d = {"a": 1, ("x", 1): 2, 3: "three"}
total = 0
for i in range(200):
    total += d.get("a", 0) + d.get(("x", 1), 0) + (d.get("zz") is None) + len(d.get(3, ""))
    d["n%d" % (i % 7)] = d.get("n%d" % (i % 7), 0) + 1
print(total, sorted((k, v) for k, v in d.items() if isinstance(k, str)))

class D(dict):
    def get(self, k, default=None):
        return ("D.get", k, default)
class E(dict):
    def __missing__(self, k):
        return "missing"
dd = D(a=1)
ee = E(a=1)
for i in range(3):
    print(dd.get("a"), dd.get("b", 5), ee.get("a"), ee.get("b"), ee.get("b", 7), ee["b"])

class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        if self.v == "boom":
            raise ValueError("hash boom")
        return 1
    def __eq__(self, other):
        if isinstance(other, K) and other.v == "eqboom":
            raise KeyError("eq boom")
        return isinstance(other, K) and self.v == other.v

kd = {K(1): "one", K(2): "two"}
print(kd.get(K(2)), kd.get(K(3), "none"))
for bad in (K("boom"), K("eqboom"), [1], {}):
    try:
        print(kd.get(bad))
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
try:
    d.get()
except TypeError as e:
    print("TypeError", e)
try:
    d.get(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
try:
    d.get(k=1)
except TypeError as e:
    print("TypeError", e)
get = d.get
print(get("a"), dict.get(d, "a"), dict.get(d, "q", "dflt"))

# The receiver changes type in the middle of a loop.
objs = [{"k": 1}, D(k=2), {"k": 3}, ee, {}]
print([o.get("k", "-") for o in objs])

# get() with a key whose __eq__ mutates the dict.
class M:
    def __hash__(self):
        return hash("a")
    def __eq__(self, other):
        md.clear()
        return False
md = {"a": 1}
print(md.get(M(), "gone"), md)
