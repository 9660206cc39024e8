# enum: IntFlag/Flag operators and pseudo-members, StrEnum, IntEnum formatting, _ignore_, __members__.
from enum import IntFlag, Flag, auto, IntEnum, Enum, StrEnum
class B(IntFlag):
    A = 1
    B = 2
    C = 4
print(repr(~B.A), repr(B.A | B.B), repr(B.A | 8), str(B.A | B.C), repr(B(0)), B.A & B.C, repr(B.A ^ B.A), list(B.A | B.C), 3 | B.A, type(3 | B.A).__name__)
class P(Flag):
    R = auto()
    W = auto()
print(repr(~P.R), repr(P.R | P.W), repr(~(P.R | P.W)), P(3), len(P.R | P.W))
class S(StrEnum):
    X = auto()
    Y = "why"
print(S.X, repr(S.X), S.Y.upper(), f"{S.X}!", S("why"))
class L(IntEnum):
    A = 1
print(L.A + L.A, L(1), f"{L.A:>3}", hash(L.A) == hash(1), L.A == 1, L.__members__)
class Auto(Enum):
    _ignore_ = ["x"]
    A = auto()
    x = 5
    def method(self): return self.value * 2
print(list(Auto), Auto.A.method(), Auto["A"], getattr(Auto, "x", None))
