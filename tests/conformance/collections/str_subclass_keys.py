# Dict keys that are instances of str subclasses (or objects equal to a
# str with the same hash) are found by plain str keys, and the reverse.


class S(str):
    pass


class Weird:
    def __hash__(self):
        return hash("w")

    def __eq__(self, other):
        return other == "w"

    def __repr__(self):
        return "Weird()"


d = {"a": 1, S("b"): 2, Weird(): 3}
print(d["a"], d["b"], d[S("a")], d["w"])
print("b" in d, S("a") in d, "w" in d, "z" in d)
print(d.get("b"), d.get("w"), d.get("z", "default"))
d["b"] = 20
d["w"] = 30
print(len(d), sorted(map(repr, d.values())))
print([type(k).__name__ for k in d])
print(d.pop("b"), d.setdefault("w", 0), len(d))
e = {S("x"): 1}
e["x"] += 5
print(e, type(list(e)[0]).__name__)
try:
    d["nope"]
except KeyError as err:
    print("KeyError", err)
f = dict.fromkeys(["p", S("p"), "q"])
print(len(f), f)
