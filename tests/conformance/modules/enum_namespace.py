from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique, member, nonmember

def attempt(label, make):
    try:
        cls = make()
        print(label, "ok", list(cls))
    except Exception as e:
        print(label, type(e).__name__, e)

def dup():
    class D(Enum):
        A = 1
        A = 2
    return D
attempt("dup", dup)

def method_then_member():
    class D(Enum):
        def A(self): pass
        A = 2
    return D
def r(label, make):
    try:
        make()
    except TypeError as e:
        print(label, "TypeError", str(e).split(" at 0x")[0])
r("method_then_member", method_then_member)

def member_then_method():
    class D(Enum):
        A = 2
        def A(self): pass
    return D
attempt("member_then_method", member_then_method)

def sunder():
    class D(Enum):
        _foo_ = 2
    return D
attempt("sunder", sunder)

def autos():
    class Color(Enum):
        RED = auto()
        GREEN = auto()
        BLUE = 10
        PINK = auto()
    return Color
attempt("autos", autos)

def gnv_late():
    class E(Enum):
        A = auto()
        def _generate_next_value_(name, start, count, last_values):
            return name
    return E
attempt("gnv_late", gnv_late)

def gnv():
    class E(Enum):
        def _generate_next_value_(name, start, count, last_values):
            return name * 2
        A = auto()
        B = auto()
    return E
attempt("gnv", gnv)

def ignore():
    class E(Enum):
        _ignore_ = "tmp i"
        A = 1
        tmp = 5
        for i in range(2):
            pass
        B = 2
    return E
attempt("ignore", ignore)

def ignore_late():
    class E(Enum):
        A = 1
        _ignore_ = ["A"]
    return E
attempt("ignore_late", ignore_late)

def order_ok():
    class E(Enum):
        _order_ = "A B"
        A = 1
        B = 2
    return E
attempt("order_ok", order_ok)

def order_bad():
    class E(Enum):
        _order_ = "B A"
        A = 1
        B = 2
    return E
attempt("order_bad", order_bad)

def aliases():
    class E(Enum):
        A = 1
        B = 1
        C = 2
    print(E.B is E.A, E.__members__.keys() if False else list(E.__members__))
    return E
attempt("aliases", aliases)

def extend():
    class E(Enum):
        A = 1
    class F(E):
        B = 2
    return F
attempt("extend", extend)

def members_wrap():
    class E(Enum):
        A = 1
        f = member(lambda: 3)
        g = nonmember(7)
    print(E.g, E.f.value(), list(E.__members__))
members_wrap()

def tuple_auto():
    class E(Enum):
        A = (auto(), 'x')
        B = (auto(), 'y')
    return E
attempt("tuple_auto", tuple_auto)

def strenum():
    class S(StrEnum):
        ONE = auto()
        Two = auto()
    return S
attempt("strenum", strenum)

def flags():
    class P(Flag):
        R = auto()
        W = auto()
        X = auto()
        RW = R | W
    print(P.R | P.W, P.RW)
    return P
attempt("flags", flags)

def intflag_order():
    class P(IntFlag):
        _order_ = "A B C"
        A = 1
        B = 2
        C = 4
        AB = 3
    return P
attempt("intflag_order", intflag_order)

def descriptor_over_member():
    class E(Enum):
        A = 1
        @property
        def A(self): return 5
    return E
attempt("descriptor_over_member", descriptor_over_member)

Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value)
Shape = Enum("Shape", [("SQ", 4), ("TRI", 3)])
print(list(Shape))

@unique
class Ok(IntEnum):
    A = 1
    B = 2
print(Ok.A + Ok.B)
try:
    @unique
    class Bad(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError", e)
