# Item access on dict subclasses: those that keep dict's __getitem__ and
# __setitem__ (defaultdict, Counter) and those that override them, also
# after the class (or a base class) is changed.
from collections import defaultdict, Counter, OrderedDict

def count(d, words):
    for w in words:
        d[w] += 1
    return d

words = "a b c a b a d".split() * 50
print(sorted(count(defaultdict(int), words).items()))
print(Counter(words).most_common(2), count(Counter(), words)["a"])
groups = defaultdict(list)
for i, w in enumerate(words[:10]):
    groups[w].append(i)
print(dict(groups), groups.default_factory)

class Plain(dict):
    pass

class Missing(dict):
    def __missing__(self, key):
        return "missing:" + str(key)

class Upper(dict):
    def __getitem__(self, k):
        return dict.__getitem__(self, k.upper())
    def __setitem__(self, k, v):
        dict.__setitem__(self, k.upper(), v)

def use(d):
    out = []
    for k in ["x", "y", "x"]:
        d[k] = len(out)
        out.append(d[k])
    try:
        out.append(d["zz"])
    except KeyError as e:
        out.append("KeyError " + repr(e.args[0]))
    return out, sorted(d.items())

for cls in (Plain, Missing, Upper, OrderedDict):
    print(cls.__name__, use(cls()))

# Methods assigned after the class was made, and on a base class.
class Late(dict):
    pass

d = Late()
print(use(d))
Late.__getitem__ = lambda self, k: "late:" + k
print(use(Late()))
del Late.__getitem__
print(use(Late()))

class Base(dict):
    pass

class Derived(Base):
    pass

print(use(Derived()))
Base.__setitem__ = lambda self, k, v: dict.__setitem__(self, k * 2, v)
print(use(Derived()))

class Mixin:
    def __getitem__(self, k):
        return "mixin"

class MixedFirst(Mixin, dict):
    pass

class DictFirst(dict, Mixin):
    pass

print(use(MixedFirst()), use(DictFirst()))

# defaultdict's factory raising, and unhashable keys.
dd = defaultdict(lambda: 1 // 0)
try:
    dd["k"]
except ZeroDivisionError as e:
    print("ZeroDivisionError", e, dict(dd))
try:
    defaultdict(int)[[1]] = 2
except TypeError as e:
    print("TypeError", e)
try:
    Plain()[{}]
except TypeError as e:
    print("TypeError", e)
