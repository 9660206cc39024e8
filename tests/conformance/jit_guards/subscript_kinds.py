# Subscripts whose operand types the compiled code does not know: dicts
# with str keys, lists and tuples with int indexes go through a fast
# helper; everything else (and every error) as in the interpreter.


class S(str):
    pass


class D(dict):
    def __getitem__(self, k):
        return "D" + str(k)

    def __missing__(self, k):
        return "missing"


class Weird:
    def __hash__(self):
        return hash("a")

    def __eq__(self, other):
        return other == "a"


def get(c, k):
    return c[k]


def put(c, k, v):
    c[k] = v


def run(n):
    things = [
        ({"a": 1, "b": 2}, "a"),
        ({"a": 1, S("b"): 2}, "b"),
        ({S("a"): 5}, "a"),
        ({"a": 1}, S("a")),
        (D(a=1), "a"),
        ([10, 20, 30], -1),
        ((7, 8, 9), 2),
        ([1, 2], True),
        ("xyz", 1),
        ({Weird(): "w"}, "a"),
        ({1: "one"}, 1),
        ({(1, 2): "t"}, (1, 2)),
    ]
    out = []
    for i in range(n):
        c, k = things[i % len(things)]
        out.append(get(c, k))
    errs = []
    for c, k in [({"a": 1}, "z"), ([1], 5), ((1,), -3), ({}, []), ([1], "x")]:
        for i in range(3):
            try:
                get(c, k)
            except Exception as e:
                errs.append(type(e).__name__ + ": " + str(e))
    stores = [{"a": 1}, {S("a"): 1}, {}, [0, 0], D()]
    for i in range(n):
        c = stores[i % 5]
        put(c, "a" if not isinstance(c, list) else -1, i)
    return out[:12], errs[::3], [sorted(map(repr, s.items())) if isinstance(s, dict) else s for s in stores]


print(run(3000))
