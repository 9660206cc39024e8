# len() of values whose type the compiled loop does not know, and dict
# displays/comprehensions storing str and int keys from compiled code.

class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n

class BadLen:
    def __len__(self):
        return -1

class NoLen:
    pass

class BigLen:
    def __len__(self):
        return 2 ** 70

def lengths(items):
    out = []
    for x in items:
        out.append(len(x))
    return out

mixed = ["abc", "", "é€x", [1, 2], (1,), {"a": 1}, {1, 2, 3}, b"xy", bytearray(b"xyz"),
         range(10), frozenset([1]), Sized(7), "x" * 100, {}.keys(), Sized(0)]
for _ in range(3):
    print(lengths(mixed))

for bad in (BadLen(), NoLen(), 5, 2.5, None, BigLen()):
    try:
        print(lengths(["ok", bad, "never"]))
    except Exception as e:
        print(type(e).__name__, e)

def total_len(words):
    n = 0
    for w in words:
        n += len(w)
    return n

words = ("alpha beta gamma delta " * 50).split()
print(total_len(words), total_len(words + [[1, 2, 3]]))

def comp(words):
    return {w: len(w) for w in words}

for _ in range(3):
    print(comp(words))

def int_keys(n):
    return {i % 7: i for i in range(n)}

print(int_keys(100))

def mixed_keys(n):
    # 1, 1.0 and True are one key; the first inserted key is kept.
    d = {}
    for i in range(n):
        d2 = {1: "int", "s": i, i % 3: i}
        d2[1.0] = "float"
        d2[True] = "bool"
        d.update(d2)
    return d, list(d2.items())

print(mixed_keys(30))

class Key:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, other):
        print("eq called", self.v, other)
        return self.v == other

def with_instance_key():
    out = []
    for i in range(3):
        d = {Key("a"): 0}
        d2 = {k: 1 for k in ["b", "a"]}
        for k in ["a", "b"]:
            d[k] = i
        out.append((len(d), sorted(v for v in d.values())))
    return out, d2

print(with_instance_key())

def during_iteration():
    d = {"a": 1, "b": 2}
    try:
        for k in d:
            d[k + "x"] = 0
    except RuntimeError as e:
        print(type(e).__name__, e)
    return sorted(d)

print(during_iteration())

def unhashable():
    try:
        return {k: 1 for k in ["a", ["list"]]}
    except TypeError as e:
        return type(e).__name__ + ": " + str(e)

print(unhashable())
