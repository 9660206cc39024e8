# Instances of str/bytes/bytearray/int/set subclasses where the builtin value is used:
# 'in', repr, methods; copy of a namedtuple (__getnewargs__).
import enum
class S(str): pass
class B(bytes): pass
class BA(bytearray): pass
class I(int): pass
class E(enum.IntEnum):
    ONE = 1
class SE(enum.StrEnum):
    A = "al"
for needle, hay in [(S("al"), "xalx"), (SE.A, "xalx"), (S("zz"), "xalx"), (B(b"a"), b"xa"), (BA(b"a"), b"xa"), (B(b"a"), bytearray(b"xa")), (I(97), b"a"), (E.ONE, b"\x01"), (True, b"\x01"), (False, b"\x01"), (S("a"), S("ab")), (1.5, b"a"), (S("a"), b"a"), (B(b"a"), "a")]:
    try:
        print(repr(needle), needle in hay)
    except Exception as e:
        print(type(e).__name__, e)
class S(set): pass
print(repr(S({1})))
class FS(frozenset): pass
print(repr(FS({1})), repr(FS()))
print(repr(S()))

x = BA(b"ab")
print(len(x), x.decode(), x[0], bytes(x), x == b"ab")
x.append(99)
print(bytes(x), repr(x), str(x))
print(bytearray.__repr__(x), set.__repr__(S({2})))
import copy, collections, typing
NT = collections.namedtuple('NT', 'a b')
print(copy.copy(NT(1, 2)), copy.deepcopy([NT(1, [2])]))
class TN(typing.NamedTuple):
    a: int
    b: list
t = TN(1, [2])
d = copy.deepcopy(t)
print(d, d.b is t.b, copy.copy(t).b is t.b)
class P(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    def __getnewargs__(self):
        return tuple(self)
print(copy.copy(P(1, 2)), type(copy.deepcopy(P(3, 4))).__name__)
