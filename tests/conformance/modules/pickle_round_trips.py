import pickle, io
from collections import OrderedDict, namedtuple, defaultdict, deque
from fractions import Fraction
from decimal import Decimal
import datetime
class P:
    def __init__(self, x, y): self.x, self.y = x, y
    def __eq__(self, o): return type(o) is P and (self.x, self.y) == (o.x, o.y)
    def __repr__(self): return "P(%r, %r)" % (self.x, self.y)
class S:
    __slots__ = ("a", "b")
    def __init__(self): self.a = 1; self.b = [2]
class R:
    def __init__(self, v): self.v = v
    def __reduce__(self): return (R, (self.v * 2,))
Pt = namedtuple("Pt", "x y")
objs = [None, True, False, 0, 1, -1, 255, 65535, 2**31, 2**63, -2**100, 3.5, float("inf"), 1+2j,
        "", "héllo", b"\x00\xff", bytearray(b"ab"), (), (1,), (1, 2, 3), [1, [2, [3]]], {"a": 1, 2: [3]},
        {1, 2}, frozenset({3}), P(1, "z"), Pt(1, 2), OrderedDict(a=1), Fraction(1, 3), Decimal("1.25"),
        datetime.date(2020, 1, 2), datetime.datetime(2020, 1, 2, 3, 4, 5), range(3), slice(1, 2),
        len, P, int, ...]
for proto in range(0, pickle.HIGHEST_PROTOCOL + 1):
    for o in objs:
        d = pickle.dumps(o, protocol=proto)
        back = pickle.loads(d)
        if back != o and not (o != o):
            print("MISMATCH", proto, repr(o), repr(back))
print("round trips done", pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
lst = [1, 2]; shared = [lst, lst]
b = pickle.loads(pickle.dumps(shared)); print(b[0] is b[1])
rec = []; rec.append(rec)
b = pickle.loads(pickle.dumps(rec)); print(b[0] is b)
s = pickle.loads(pickle.dumps(S())); print(s.a, s.b)
print(pickle.loads(pickle.dumps(R(3))).v)
dd = defaultdict(list); dd["k"].append(1)
print(pickle.loads(pickle.dumps(dd)))
print(pickle.loads(pickle.dumps(deque([1, 2], maxlen=5))))
print(pickle.dumps([1, "a", 2.0], protocol=0))
print(pickle.dumps((1, 2), protocol=2))
print(pickle.dumps({"k": [1, 2]}, protocol=4))
f = io.BytesIO(); pickle.dump({"x": 1}, f); f.seek(0); print(pickle.load(f))
try:
    pickle.dumps(lambda: 1)
except Exception as e:
    print(type(e).__name__, str(e).split(" at 0x")[0])
try:
    pickle.loads(b"garbage")
except Exception as e:
    print(type(e).__name__, str(e).split(" at 0x")[0])
try:
    pickle.loads(b"")
except Exception as e:
    print(type(e).__name__, str(e).split(" at 0x")[0])
def gen():
    yield 1
try:
    pickle.dumps(gen())
except Exception as e:
    print(type(e).__name__, str(e).split(" at 0x")[0])
# object.__reduce_ex__ / __getstate__ / copyreg
class WithState:
    def __init__(self): self.a = 1; self.cache = "drop"
    def __getstate__(self):
        d = dict(self.__dict__); del d["cache"]; return d
    def __setstate__(self, d):
        self.__dict__.update(d); self.cache = "rebuilt"
w = pickle.loads(pickle.dumps(WithState()))
print(w.a, w.cache)
class KwOnly:
    def __new__(cls, *, k):
        o = object.__new__(cls); o.k = k; return o
    def __getnewargs_ex__(self): return (), {"k": self.k}
print(pickle.loads(pickle.dumps(KwOnly(k=7), protocol=4)).k)
print(P(1, 2).__reduce_ex__(2)[0].__name__, P(1, 2).__getstate__(), object().__getstate__())
print(range(1, 5).__reduce__(), slice(1, 2).__reduce_ex__(2), len.__reduce__(), ...)
import copy
print(copy.deepcopy(P([1], {"a": 2})))
class L(list):
    pass
l = L([1, 2]); l.extra = "x"
b = pickle.loads(pickle.dumps(l))
print(type(b).__name__, b, b.extra)
