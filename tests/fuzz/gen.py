#!/usr/bin/env python3
"""Random loop-heavy Python program generator for differential JIT testing.

usage: gen.py SEED [LEVEL]      -> program on stdout
LEVEL (0..3) widens the feature families used (default 3 = everything).
Every program is deterministic (no id(), hash of str, time, sets of str...).
"""
import random
GEN_VERSION = 3
import sys

BIGS = ["2**63-1", "2**63", "-2**63", "2**62", "-2**62-1", "2**64+3", "2**31-1",
        "-2**31", "2**53+1", "9223372036854775807", "-9223372036854775808",
        "4611686018427387904", "3**40", "-(2**70)", "2**100+7"]
SMALLS = ["0", "1", "-1", "2", "3", "-3", "5", "7", "-7", "10", "13", "100", "255", "-256"]
FLOATS = ["0.5", "-0.0", "0.0", "1.5", "-2.25", "1e308", "-1e308", "1e-310", "3.0",
          "float('inf')", "float('-inf')", "float('nan')", "2.0**53", "9.223372036854776e18", "0.1"]
EXC = "(ZeroDivisionError, OverflowError, ValueError, TypeError, IndexError, KeyError, AttributeError, NameError, RecursionError)"


class W:
    """Indented line writer."""

    def __init__(self):
        self.lines = []
        self.ind = 0

    def __call__(self, s=""):
        for part in s.split("\n"):
            self.lines.append("    " * self.ind + part)

    def push(self):
        self.ind += 1

    def pop(self):
        self.ind -= 1

    def text(self):
        return "\n".join(self.lines) + "\n"


class Gen:
    def __init__(self, seed, level=3):
        self.r = random.Random(seed)
        self.seed = seed
        self.level = level
        self.uid = 0
        self.families = []

    # ---------------------------------------------------------------- helpers
    def ch(self, xs):
        return self.r.choice(xs)

    def p(self, x):
        return self.r.random() < x

    def fresh(self, base):
        self.uid += 1
        return f"{base}{self.uid}"

    def intconst(self):
        k = self.r.random()
        if k < 0.55:
            return self.ch(SMALLS)
        if k < 0.85:
            return "(" + self.ch(BIGS) + ")"
        return str(self.r.randint(-10**6, 10**6))

    def floatconst(self):
        return self.ch(FLOATS)

    # ------------------------------------------------------------ expressions
    def iexpr(self, vs, d=2):
        """int-ish expression over int variables vs (may raise; callers guard)."""
        if d <= 0 or self.p(0.3):
            k = self.r.random()
            if k < 0.55 and vs:
                return self.ch(vs)
            if k < 0.6:
                return self.ch(["True", "False"])
            return self.intconst()
        a = self.iexpr(vs, d - 1)
        b = self.iexpr(vs, d - 1)
        k = self.r.randrange(22)
        if k < 6:
            return f"({a} {self.ch(['+', '-', '*'])} {b})"
        if k == 6:
            return f"({a} // {b})"
        if k == 7:
            return f"({a} % {b})"
        if k == 8:
            return f"({a} // {self.ch(['3', '-3', '7', '-1', '2', '-2**63', '2**64'])})"
        if k == 9:
            return f"({a} % {self.ch(['3', '-3', '7', '-1', '2', '10**9+7', '-2**63'])})"
        if k == 10:
            return f"({a} << {self.ch(['1', '3', '31', '32', '62', '63', '64', '65', '(' + b + ' & 63)', '(' + b + ' % 70)'])})"
        if k == 11:
            return f"({a} >> {self.ch(['1', '3', '63', '64', '100', '(' + b + ' & 127)'])})"
        if k == 12:
            return f"({a} {self.ch(['&', '|', '^'])} {b})"
        if k == 13:
            return f"({self.ch(['-', '~', '+'])}{a})"
        if k == 14:
            return f"abs({a})"
        if k == 15:
            return f"{self.ch(['min', 'max'])}({a}, {b})"
        if k == 16:
            return f"({a} if {self.bexpr(vs, [], 1)} else {b})"
        if k == 17:
            return f"int({self.fexpr(vs, [], 1)})"
        if k == 18:
            return f"({a} ** {self.ch(['2', '3', '0', '1', '-1'])})"
        if k == 19:
            return f"divmod({a}, {b})[{self.ch(['0', '1'])}]"
        if k == 20:
            return f"({a} * {b} - {a} // ({b} or 1))"
        return f"pow({a}, {self.ch(['2', '5', '65'])}, {self.ch(['7', '1000003', '-13', '2**61-1'])})"

    def fexpr(self, ivs, fvs, d=2):
        if d <= 0 or self.p(0.3):
            k = self.r.random()
            if k < 0.45 and fvs:
                return self.ch(fvs)
            if k < 0.6 and ivs:
                return self.ch(ivs)
            return self.floatconst()
        a = self.fexpr(ivs, fvs, d - 1)
        b = self.fexpr(ivs, fvs, d - 1)
        k = self.r.randrange(16)
        if k < 5:
            return f"({a} {self.ch(['+', '-', '*'])} {b})"
        if k == 5:
            return f"({a} / {b})"
        if k == 6:
            return f"({a} // {b})"
        if k == 7:
            return f"({a} % {b})"
        if k == 8:
            return f"(-{a})"
        if k == 9:
            return f"abs({a})"
        if k == 10:
            return f"math.sqrt(abs({a}))"
        if k == 11:
            return f"float({self.iexpr(ivs, 1)})"
        if k == 12:
            return f"{self.ch(['min', 'max'])}({a}, {b})"
        if k == 13:
            return f"({a} ** {self.ch(['2', '0.5', '-1', '3'])})"
        if k == 14:
            return f"math.floor({a})" if self.p(0.5) else f"round({a}, {self.ch(['0', '1', '2'])})"
        return f"({a} if {self.bexpr(ivs, fvs, 1)} else {b})"

    def bexpr(self, ivs, fvs, d=1):
        allv = ivs + fvs
        k = self.r.randrange(8)
        x = self.ch(allv) if allv else self.intconst()
        y = self.iexpr(ivs, 1) if self.p(0.6) else self.fexpr(ivs, fvs, 1)
        ops = ['<', '<=', '==', '!=', '>', '>=']
        if k < 3:
            return f"({x} {self.ch(ops)} {y})"
        if k == 3:
            z = self.iexpr(ivs, 0)
            return f"({x} {self.ch(ops)} {y} {self.ch(ops)} {z})"
        if k == 4 and d > 0:
            return f"({self.bexpr(ivs, fvs, d - 1)} {self.ch(['and', 'or'])} {self.bexpr(ivs, fvs, d - 1)})"
        if k == 5 and d > 0:
            return f"(not {self.bexpr(ivs, fvs, d - 1)})"
        if k == 6:
            return f"({x} {self.ch(['and', 'or'])} {y})"
        return f"({x} {self.ch(ops)} {y})"

    # ---------------------------------------------------------------- prelude
    def prelude(self, w):
        w(f"# gen v{GEN_VERSION} seed {self.seed} level {self.level}")
        w("import math")
        w("")
        w("def clip(v):")
        w("    if type(v) is int and (v > 2**100 or v < -2**100):")
        w("        return v % (2**67) - 2**66")
        w("    if type(v) is str and len(v) > 60:")
        w("        return v[-20:]")
        w("    return v")
        w("")
        w("def en(e):")
        w("    return type(e).__name__ + ':' + str(e)")
        w("")

    # ------------------------------------------------------------ the blocks
    # Every block writes a function body that ends by printing its state.

    def loop_header(self, w, var, n):
        k = self.r.randrange(10)
        if k < 6:
            w(f"for {var} in range({n}):")
        elif k == 6:
            w(f"for {var} in range({n} - 1, -1, -1):")
        elif k == 7:
            w(f"for {var} in range(-{n}, {n}, {self.ch(['2', '3', '5'])}):")
        elif k == 8:
            w(f"for {var} in list(range({n})):")
        else:
            w(f"for {var} in tuple(range({n})):")

    def block_int(self, w):
        """Integer arithmetic soup with overflow, shifts, division by variables."""
        ivs = ["a", "b", "c", "d"]
        w("a, b, c, d = " + ", ".join(self.intconst() for _ in ivs))
        w("ne = 0; le = ''")
        n = self.r.randint(5, 60)
        self.loop_header(w, "i", n)
        w.push()
        vs = ivs + ["i"]
        nested = self.p(0.4)
        if nested:
            self.loop_header(w, "j", self.r.randint(1, 8))
            w.push()
            vs = vs + ["j"]
        for _ in range(self.r.randint(1, 5)):
            tgt = self.ch(ivs)
            e = self.iexpr(vs, self.r.randint(1, 3))
            guarded = self.p(0.8)
            if guarded:
                w("try:")
                w.push()
            k = self.r.randrange(6)
            if k < 3:
                w(f"{tgt} = clip({e})")
            elif k == 3:
                op = self.ch(['+=', '-=', '*=', '//=', '%=', '^=', '|=', '&=', '<<=', '>>='])
                w(f"{tgt} {op} {self.iexpr(vs, 1)}" + (" & 127" if op in ('<<=', '>>=') else ""))
                w(f"{tgt} = clip({tgt})")
            elif k == 4:
                w(f"if {self.bexpr(vs, [], 1)}:")
                w(f"    {tgt} = clip({e})")
                w("else:")
                w(f"    {self.ch(ivs)} = clip({self.iexpr(vs, 1)})")
            else:
                w(f"{tgt} = clip({e}) if {tgt} {self.ch(['<', '>', '!='])} {self.intconst()} else {self.iexpr(vs, 1)}")
            if guarded:
                w.pop()
                w(f"except {EXC} as e:")
                w("    ne += 1; le = en(e)")
        if nested:
            if self.p(0.3):
                w(f"if {self.bexpr(vs, [], 1)}: break")
            w.pop()
        if self.p(0.3):
            w(f"if {self.bexpr(vs, [], 1)}: continue")
        w(f"if i % {self.r.randint(3, 17)} == 0: print(i, a, b, c, d, ne)")
        w.pop()
        w("print('int', a, b, c, d, ne, le)")

    def block_float(self, w):
        ivs = ["a", "b"]
        fvs = ["x", "y", "z"]
        w("a, b = " + ", ".join(self.intconst() for _ in ivs))
        w("x, y, z = " + ", ".join(self.floatconst() for _ in fvs))
        w("ne = 0; le = ''")
        n = self.r.randint(5, 60)
        self.loop_header(w, "i", n)
        w.push()
        vs = ivs + ["i"]
        for _ in range(self.r.randint(1, 5)):
            tgt = self.ch(fvs + ["a"])
            guarded = self.p(0.85)
            if guarded:
                w("try:")
                w.push()
            if tgt == "a":
                w(f"a = clip({self.iexpr(vs + fvs if self.p(0.3) else vs, 2)})")
            else:
                k = self.r.randrange(4)
                if k < 2:
                    w(f"{tgt} = clip({self.fexpr(vs, fvs, self.r.randint(1, 3))})")
                elif k == 2:
                    w(f"{tgt} {self.ch(['+=', '-=', '*=', '/=', '//=', '%=', '**='])} {self.fexpr(vs, fvs, 1)}")
                    w(f"{tgt} = clip({tgt})")
                else:
                    w(f"if {self.bexpr(vs, fvs, 1)}:")
                    w(f"    {tgt} = clip({self.fexpr(vs, fvs, 2)})")
                    w(f"elif {self.bexpr(vs, fvs, 1)}:")
                    w(f"    {tgt} = -{tgt}")
            if guarded:
                w.pop()
                w(f"except {EXC} as e:")
                w("    ne += 1; le = en(e)")
        if self.p(0.5):
            w(f"if x != x or y != y: x, y = {self.floatconst()}, {self.floatconst()}")
        w(f"if i % {self.r.randint(3, 17)} == 0: print(i, a, x, y, z, ne)")
        w.pop()
        w("print('float', a, b, x, y, z, ne, le)")

    def block_typechange(self, w):
        """Variables that change type after some iterations."""
        n = self.r.randint(10, 60)
        seq = ["0", "1.5", "'s'", "None", "True", "2**64", "[1]", "(2,)", "-0.0", "3"]
        w(f"v = {self.ch(['0', '1', '-5', '2**62'])}")
        w(f"u = {self.ch(['1', '2.5', '0'])}")
        w("acc = 0; ne = 0; le = ''")
        self.loop_header(w, "i", n)
        w.push()
        for _ in range(self.r.randint(1, 3)):
            k = self.r.randint(1, n)
            tgt = self.ch(["v", "u"])
            w(f"if i == {k}: {tgt} = {self.ch(seq)}")
        w("try:")
        w.push()
        for _ in range(self.r.randint(1, 4)):
            op = self.ch(["+", "-", "*", "//", "%", "/", "<<", "&", "**"])
            rhs = self.ch(["1", "2", "i", "u", "v", "0.5", "-3", "(i+1)"])
            if op in ("<<", "**"):
                rhs = self.ch(["1", "2", "0.5", "-3", "(i % 5)"])
            k = self.r.randrange(5)
            if k == 0:
                w(f"v = v {op} {rhs}")
            elif k == 1:
                w(f"u {op}= {rhs}")
            elif k == 2:
                w(f"acc = clip(acc + (v if type(v) in (int, float, bool) else len(str(v))))")
            elif k == 3:
                w(f"if v {self.ch(['<', '==', '>=', 'is', 'is not'])} {self.ch(['u', 'None'])}: acc += 1" if self.p(0.5) else f"if v {self.ch(['<', '==', '>='])} {self.ch(['3', '0.5'])}: acc += 1")
            else:
                w(f"u = v {op} u if i % 2 else u")
        w.pop()
        w(f"except {EXC} as e:")
        w("    ne += 1; le = en(e)")
        w("    v = i")
        w("v = clip(v); u = clip(u)")
        w("if type(v) is float and v != v: v = 0.0")
        w(f"if i % {self.r.randint(3, 11)} == 0: print(i, repr(v), repr(u), acc, ne)")
        w.pop()
        w("print('tc', repr(v), repr(u), acc, ne, le)")

    def block_calls(self, w, defs):
        """Small functions (inlining), defaults, *args/**kwargs, closures, recursion."""
        f1 = self.fresh("f")
        kind = self.r.randrange(8)
        if kind == 0:
            defs(f"def {f1}(x, y={self.intconst()}):")
            defs(f"    return {self.iexpr(['x', 'y'], 2)}")
            call = f"{f1}(i)" if self.p(0.5) else f"{f1}(acc, i)"
        elif kind == 1:
            defs(f"def {f1}(*args, **kw):")
            defs(f"    s = len(args) + len(kw)")
            defs(f"    for q in args: s += q if type(q) is int else 1")
            defs(f"    for k in kw: s += kw[k]")
            defs(f"    return s")
            call = self.ch([f"{f1}(i, acc % 7, k=i)", f"{f1}(*(i, 1), **{{'z': 2}})", f"{f1}()", f"{f1}(*range(i % 4))"])
        elif kind == 2:
            defs(f"def {f1}(n):")
            defs(f"    if n <= 1: return n")
            defs(f"    return {f1}(n - 1) + {f1}(n - 2)")
            call = f"{f1}(i % {self.r.randint(3, 12)})"
        elif kind == 3:
            defs(f"def {f1}_mk(k):")
            defs(f"    t = [k]")
            defs(f"    def inner(x):")
            defs(f"        nonlocal k")
            defs(f"        k += x")
            defs(f"        t.append(x)")
            defs(f"        if len(t) > 5: del t[0]")
            defs(f"        return k + sum(t)")
            defs(f"    return inner")
            defs(f"{f1} = {f1}_mk({self.intconst()})")
            call = f"{f1}(i)"
        elif kind == 4:
            defs(f"def {f1}(x, *, k=3, m=None):")
            defs(f"    if m is None: m = [0]")
            defs(f"    m[0] += 1")
            defs(f"    return x * k + m[0]")
            call = self.ch([f"{f1}(i)", f"{f1}(i, k=-1)", f"{f1}(i, m=[i])", f"{f1}(x=i, k=2**62)"])
        elif kind == 5:
            defs(f"{f1} = lambda x, y=2: x * y if x % 3 else -x")
            call = f"{f1}(i, acc % 5)"
        elif kind == 6:
            defs(f"def {f1}(x, acc=[]):")
            defs(f"    acc.append(x)")
            defs(f"    if len(acc) > 4: acc.pop(0)")
            defs(f"    return sum(acc)")
            call = f"{f1}(i)"
        else:
            defs(f"def {f1}(n, a=0):")
            defs(f"    while n > 0:")
            defs(f"        a += n % 10")
            defs(f"        n //= 10")
            defs(f"    else:")
            defs(f"        a += 1")
            defs(f"    return a")
            call = f"{f1}(i * {self.intconst()})"
        n = self.r.randint(5, 80)
        w("acc = 0; ne = 0; le = ''")
        self.loop_header(w, "i", n)
        w.push()
        w("try:")
        w(f"    acc = clip(acc + {call})")
        if self.p(0.3):
            w(f"    if i == {self.r.randint(0, n)}: acc = acc * 1.5")
        w(f"except {EXC} as e:")
        w("    ne += 1; le = en(e); acc = 0")
        w(f"if i % {self.r.randint(3, 13)} == 0: print(i, acc)")
        w.pop()
        w("print('calls', acc, ne, le)")

    def block_class(self, w, defs):
        c1 = self.fresh("C")
        c2 = self.fresh("D")
        slots = self.p(0.25)
        defs(f"class {c1}:")
        if slots:
            defs("    __slots__ = ('x', 'y', 'z')")
        defs("    k = 1")
        defs("    def __init__(self, x):")
        defs("        self.x = x")
        defs("        self.y = 0")
        defs("    def m(self, q):")
        defs(f"        return self.x + q * self.k")
        if self.p(0.5):
            defs("    @property")
            defs("    def p(self):")
            defs("        return self.x * 2")
        else:
            defs("    p = 5")
        if self.p(0.4):
            defs("    def __add__(self, o):")
            defs(f"        return {c1}(self.x + (o.x if hasattr(o, 'x') else o))")
            defs("    def __lt__(self, o):")
            defs("        return self.x < o.x")
        defs(f"class {c2}({c1} if {self.p(0.5)} else object):")
        defs("    def __init__(self, x):")
        defs("        self.x = x; self.y = 1")
        defs("    def m(self, q):")
        defs(f"        return q - self.x")
        defs("    p = 7")
        n = self.r.randint(5, 70)
        w(f"objs = [{c1}({self.intconst()}), {c2}({self.intconst()}), {c1}(1.5)]")
        w("acc = 0; ne = 0; le = ''")
        self.loop_header(w, "i", n)
        w.push()
        w(f"o = objs[i % {self.ch(['1', '2', '3'])}]")
        w("try:")
        w.push()
        for _ in range(self.r.randint(2, 6)):
            k = self.r.randrange(14)
            if k == 0:
                w("acc = clip(acc + o.m(i))")
            elif k == 1:
                w(f"o.x = clip(o.x + {self.ch(['1', 'i', '0.5', '2**62', 'o.y'])})")
            elif k == 2:
                w("o.y += 1")
            elif k == 3:
                w(f"if i == {self.r.randint(0, n)}: o.z = i")
                w("acc += getattr(o, 'z', 0)")
            elif k == 4:
                w(f"if i == {self.r.randint(0, n)}: {c1}.m = lambda self, q: q * 3")
            elif k == 5:
                w(f"if i == {self.r.randint(0, n)}: {c1}.k = {self.ch(['2', '0.5', '-1', chr(39) + 'k' + chr(39)])}")
            elif k == 6:
                w("acc = clip(acc + o.p)")
            elif k == 7:
                w(f"if i == {self.r.randint(0, n)}: o.m = lambda q: -q")
            elif k == 8:
                w(f"if i == {self.r.randint(0, n)}: del o.x")
                w(f"acc += o.x if hasattr(o, 'x') else 0")
            elif k == 9:
                w(f"t = o + objs[0]")
                w(f"acc = clip(acc + t.x)")
            elif k == 10:
                w(f"if i == {self.r.randint(0, n)}: objs.append({c2}(i))")
                w(f"acc += len(objs)")
            elif k == 11:
                w(f"acc += o.x < objs[0].x")
            elif k == 12:
                w(f"if i == {self.r.randint(0, n)}: {c1}.p = property(lambda self: -1)")
            elif not slots:
                w(f"if i == {self.r.randint(0, n)}: o.__class__ = {c2} if type(o) is {c1} else {c1}")
        w.pop()
        w(f"except {EXC} as e:")
        w("    ne += 1; le = en(e)")
        w(f"if i % {self.r.randint(3, 13)} == 0: print(i, acc, ne)")
        w.pop()
        w("print('cls', acc, [(type(q).__name__, getattr(q, 'x', None), q.y) for q in objs], ne, le)")

    def block_globals(self, w, defs, in_func):
        """Globals rebound mid-loop, builtins shadowed."""
        g = self.fresh("G")
        defs(f"{g} = {self.intconst()}")
        fn = self.fresh("gf")
        defs(f"def {fn}(x):")
        defs(f"    return x + {g}")
        n = self.r.randint(5, 60)
        if in_func:
            w(f"global {g}")
        w("acc = 0; ne = 0; le = ''")
        w("xs = [1, 2, 3]")
        self.loop_header(w, "i", n)
        w.push()
        w("try:")
        w.push()
        for _ in range(self.r.randint(2, 5)):
            k = self.r.randrange(9)
            if k == 0:
                w(f"acc = clip(acc + {g})")
            elif k == 1:
                w(f"if i == {self.r.randint(0, n)}: {g} = {self.ch(['1.5', '2**64', chr(39) + 'g' + chr(39), 'None', '-1'])}")
            elif k == 2:
                w(f"acc = clip(acc + {fn}(i))")
            elif k == 3:
                if in_func:
                    w(f"if i == {self.r.randint(0, n)}: globals()['len'] = lambda x: 42")
                else:
                    w(f"if i == {self.r.randint(0, n)}: len = lambda x: 42")
                w("acc += len(xs)")
            elif k == 4:
                if in_func:
                    w(f"if i == {self.r.randint(0, n)}: globals().pop('len', None)")
                else:
                    w(f"if i == {self.r.randint(0, n)} and 'len' in globals(): del len")
                w("acc += len(xs)")
            elif k == 5:
                w(f"if i == {self.r.randint(0, n)}: math.sqrt = lambda x: -1.0")
                w("acc = clip(acc + math.sqrt(i))")
            elif k == 6:
                w(f"if i == {self.r.randint(0, n)}:")
                w(f"    def {fn}(x): return x * 2")
                if in_func:
                    w(f"    globals()['{fn}'] = {fn}")
            elif k == 7:
                w(f"if i == {self.r.randint(0, n)}: globals()['abs'] = lambda x: 0")
                w("acc = clip(acc + abs(-i))")
            else:
                w(f"if i == {self.r.randint(0, n)}: globals()['{g}'] = i")
        w.pop()
        w(f"except {EXC} as e:")
        w("    ne += 1; le = en(e); acc = 0")
        w(f"if i % {self.r.randint(3, 13)} == 0: print(i, acc)")
        w.pop()
        w(f"print('glob', acc, ne, le)")
        w("globals().pop('len', None); globals().pop('abs', None); math.sqrt = _sqrt")

    def block_list(self, w):
        n = self.r.randint(5, 60)
        init = self.ch(["[1, 2, 3]", "[0.5, 1.5]", "[]", "list(range(5))", "[1, 'a', None]", "[2**63, -1]", "[True, False]"])
        w(f"xs = {init}")
        w("acc = 0; ne = 0; le = ''")
        self.loop_header(w, "i", n)
        w.push()
        w("try:")
        w.push()
        for _ in range(self.r.randint(2, 6)):
            k = self.r.randrange(16)
            if k == 0:
                w(f"xs.append({self.ch(['i', 'i * 0.5', 'str(i)', '2**63 + i', '-i', 'None', 'i > 3'])})")
            elif k == 1:
                w(f"acc = clip(acc + (xs.pop({self.ch(['', '0', '-1', 'i % 3', '5'])}) or 0) if type(acc) is int else 0)")
            elif k == 2:
                w(f"acc = clip(acc + xs[{self.ch(['i', '-1', '0', 'i % (len(xs) or 1)', '-i', '2**63'])}])")
            elif k == 3:
                w(f"xs[{self.ch(['0', '-1', 'i % (len(xs) or 1)', 'i'])}] = {self.ch(['i', '1.5', 'acc', 'None'])}")
            elif k == 4:
                w(f"if len(xs) > {self.r.randint(3, 12)}: del xs[{self.ch(['0', '-1', ':2', '1:'])}]")
            elif k == 5:
                w("for q in xs:")
                w("    if type(q) is int: acc = clip(acc + q)")
                w(f"    elif q is None: break")
            elif k == 6:
                w(f"xs.insert({self.ch(['0', '-1', '1', '100'])}, i)")
            elif k == 7:
                w(f"acc += xs.index({self.ch(['i', '1', '0'])})")
            elif k == 8:
                w(f"xs[i % 3:i % 3 + 1] = [{self.ch(['i', '1.5', ''])}]")
            elif k == 9:
                w("acc = clip(acc + len(xs) + sum(q for q in xs if type(q) in (int, bool)))")
            elif k == 10:
                w("xs = xs[::-1] if i % 2 else sorted(q for q in xs if type(q) is int)")
            elif k == 11:
                w(f"acc = clip(acc + (xs[i] if i < len(xs) else -1))")
            elif k == 12:
                w("for j, q in enumerate(xs):")
                w("    if j > 4: break")
                w("    xs[j] = q + 1 if type(q) in (int, float) else q")
            elif k == 13:
                w("xs.extend(xs[:2])")
            elif k == 14:
                w("xs += [i]")
            else:
                w("ys = [q * 2 for q in xs if type(q) is int]; acc = clip(acc + len(ys))")
        w.pop()
        w(f"except {EXC} as e:")
        w("    ne += 1; le = en(e)")
        w("if len(xs) > 30: xs = xs[-10:]")
        w(f"if i % {self.r.randint(3, 13)} == 0: print(i, acc, xs)")
        w.pop()
        w("print('list', acc, xs, ne, le)")

    def block_dict_tuple(self, w):
        n = self.r.randint(5, 60)
        w(f"d = {self.ch(['{}', '{1: 2, 3: 4}', dict(a=1, b=2.5).__repr__(), '{(1, 2): 3}', '{True: 1, 2: 0.5}'])}")
        w(f"ts = [{self.ch(['(1, 2)', '(3, -4)', '(0.5, 1)'])}, (i_ := 5, 6), (7, 8)]".replace("i_ := 5", "5"))
        w("acc = 0; ne = 0; le = ''")
        self.loop_header(w, "i", n)
        w.push()
        w("try:")
        w.push()
        for _ in range(self.r.randint(2, 6)):
            k = self.r.randrange(13)
            if k == 0:
                w(f"d[i % {self.r.randint(2, 9)}] = d.get(i % 4, 0) + {self.ch(['1', 'i', '0.5', '2**63'])}")
            elif k == 1:
                w("for k, v in d.items():")
                w("    acc = clip(acc + (v if type(v) in (int, float) else 1))")
            elif k == 2:
                w(f"acc = clip(acc + d[{self.ch(['i', '0', '1', chr(39) + 'a' + chr(39)])}])")
            elif k == 3:
                w(f"if i % {self.r.randint(2, 7)} == 0: d.pop(i % 4, None)")
            elif k == 4:
                w("for a, b in ts:")
                w("    acc = clip(acc + a * b)")
            elif k == 5:
                w(f"if i == {self.r.randint(0, n)}: ts.append((1, 2, 3))")
            elif k == 6:
                w(f"if i == {self.r.randint(0, n)}: ts[0] = ({self.ch(['2**63', '1.5', chr(39) + 'x' + chr(39)])}, 2)")
            elif k == 7:
                w("t = (i, acc, i * 2)")
                w("p, q, r = t")
                w("acc = clip(acc + p - q + r)")
            elif k == 8:
                w("acc = clip(acc + sum(d.values()) if all(type(v) in (int, float) for v in d.values()) else acc)")
            elif k == 9:
                w("for k in d:")
                w(f"    if k == {self.r.randint(0, 5)}: break")
                w("    acc += 1")
                w("else:")
                w("    acc -= 1")
            elif k == 10:
                w("a, *rest = ts[i % len(ts)]")
                w("acc = clip(acc + a + len(rest))")
            elif k == 11:
                w("acc += (i, 1) < (i, 2) <= (i, 2.0)")
            else:
                w("d2 = {k: v for k, v in d.items() if k != 1}; acc += len(d2)")
        w.pop()
        w(f"except {EXC} as e:")
        w("    ne += 1; le = en(e)")
        w(f"if i % {self.r.randint(3, 13)} == 0: print(i, acc, sorted(d.items(), key=repr))")
        w.pop()
        w("print('dict', acc, d, ts, ne, le)")

    def block_control(self, w, in_func):
        """while loops, break/continue/else, try/finally inside loops."""
        n = self.r.randint(5, 50)
        w("acc = 0; k = 0; ne = 0; le = ''")
        w(f"while k < {n}:")
        w.push()
        w("k += 1")
        for _ in range(self.r.randint(2, 5)):
            c = self.r.randrange(10)
            if c == 0:
                w(f"if k % {self.r.randint(2, 7)} == 0: continue")
            elif c == 1:
                w(f"if acc > {self.intconst()}: acc -= {self.r.randint(1, 50)}")
            elif c == 2:
                w(f"for j in range(k % {self.r.randint(2, 9)}):")
                w(f"    if j == {self.r.randint(0, 5)}: break")
                w(f"    acc += j")
                w("else:")
                w(f"    acc += {self.r.randint(1, 100)}")
            elif c == 3:
                w("try:")
                w(f"    if k % {self.r.randint(2, 6)} == 0: continue")
                w(f"    acc += {self.ch(['k', '1', '-k'])}")
                w("finally:")
                w("    acc += 1")
            elif c == 4:
                w("try:")
                w(f"    if k == {self.r.randint(0, n)}: break")
                w("finally:")
                w("    acc *= 2")
                w("    acc = clip(acc)")
            elif c == 5:
                w("j = 0")
                w(f"while True:")
                w(f"    j += 1")
                w(f"    if j > k % {self.r.randint(2, 6)}: break")
                w(f"    acc += j")
            elif c == 6:
                w("try:")
                w(f"    acc += 10 // (k % {self.r.randint(2, 5)})")
                w("except ZeroDivisionError:")
                w("    acc -= 1")
                w("else:")
                w("    acc += 2")
            elif c == 7:
                w(f"acc = acc + 1 if {self.ch(['k & 1', 'k % 3 == 0', 'not k % 5', 'acc < 0 < k'])} else acc - 1")
            elif c == 8:
                w("for j in range(3):")
                w("    for m in range(3):")
                w(f"        if m == {self.r.randint(0, 3)}: break")
                w("        if j == m: continue")
                w("        acc += j * m")
                w("    else:")
                w("        continue")
                w("    break")
            else:
                w(f"if k == {self.r.randint(0, n)}:")
                w("    acc = acc * 2.5")
                w("    acc = int(acc)")
        w(f"if k % {self.r.randint(3, 9)} == 0: print(k, acc)")
        w.pop()
        w("else:")
        w("    print('while-else', k)")
        w("print('ctl', k, acc)")

    def block_exc(self, w, defs):
        ex = self.fresh("E")
        fn = self.fresh("rf")
        defs(f"class {ex}(Exception):")
        defs("    pass")
        defs(f"def {fn}(x):")
        defs(f"    if x % {self.r.randint(2, 7)} == 0: raise {ex}(x)")
        defs(f"    if x % {self.r.randint(2, 11)} == 1: raise ValueError('v%d' % x)")
        defs(f"    return x * 2")
        n = self.r.randint(5, 60)
        w("acc = 0; ne = 0; le = ''")
        self.loop_header(w, "i", n)
        w.push()
        k = self.r.randrange(6)
        if k == 0:
            w("try:")
            w(f"    acc += {fn}(i)")
            w(f"except {ex} as e:")
            w("    acc -= e.args[0]")
            w("except ValueError as e:")
            w("    le = str(e)")
        elif k == 1:
            w("try:")
            w("    try:")
            w(f"        acc += {fn}(i)")
            w("    finally:")
            w("        acc += 1")
            w(f"except ({ex}, ValueError) as e:")
            w("    ne += 1; le = en(e)")
        elif k == 2:
            w("try:")
            w(f"    acc += {fn}(i)")
            w("except Exception as e:")
            w("    try:")
            w("        raise KeyError(i) from e")
            w("    except KeyError as e2:")
            w("        acc += len(str(e2)) + (e2.__cause__ is e)")
        elif k == 3:
            w("for j in range(3):")
            w("    try:")
            w(f"        acc += {fn}(i + j)")
            w("    except ValueError:")
            w("        break")
            w(f"    except {ex}:")
            w("        continue")
            w("    acc += 100")
        elif k == 4:
            w("try:")
            w(f"    acc += [{fn}(q) for q in range(i % 5)][-1]")
            w(f"except ({ex}, ValueError, IndexError) as e:")
            w("    ne += 1; le = type(e).__name__")
        else:
            w("e = None")
            w("try:")
            w(f"    acc += {fn}(i)")
            w(f"except {ex} as e:")
            w("    ne += 1")
            w("except ValueError:")
            w("    ne += 2")
            w("try:")
            w("    acc += e is None")
            w("except NameError as e3:")
            w("    le = 'unbound'")
        w(f"if i % {self.r.randint(3, 13)} == 0: print(i, acc, ne)")
        w.pop()
        w("print('exc', acc, ne, le)")

    def block_gen(self, w, defs):
        g = self.fresh("gen")
        k = self.r.randrange(4)
        if k == 0:
            defs(f"def {g}(n):")
            defs("    for q in range(n):")
            defs("        if q % 3 == 2: continue")
            defs("        yield q * q")
        elif k == 1:
            defs(f"def {g}(n):")
            defs("    a, b = 0, 1")
            defs("    while n > 0:")
            defs("        yield a")
            defs("        a, b = b, a + b")
            defs("        n -= 1")
        elif k == 2:
            defs(f"def {g}(n):")
            defs("    yield from range(n)")
            defs("    yield -1")
        else:
            defs(f"def {g}(n):")
            defs("    try:")
            defs("        for q in range(n):")
            defs("            yield q")
            defs("            if q == 4: return")
            defs("    finally:")
            defs("        pass")
        n = self.r.randint(5, 40)
        w("acc = 0")
        self.loop_header(w, "i", n)
        w.push()
        c = self.r.randrange(6)
        if c == 0:
            w(f"for q in {g}(i % {self.r.randint(2, 30)}):")
            w("    acc = clip(acc + q)")
            w(f"    if q > {self.r.randint(5, 200)}: break")
        elif c == 1:
            w(f"acc = clip(acc + sum({g}(i % 20)))")
        elif c == 2:
            w(f"it = {g}(i % 9)")
            w("acc += next(it, -5) + next(it, -7)")
        elif c == 3:
            w(f"for a, b in zip({g}(i % 10), range(100, 0, -3)):")
            w("    acc = clip(acc + a * b)")
        elif c == 4:
            w(f"acc = clip(acc + max(({g}(i % 7)), default=0) + min([q for q in {g}(i % 8)] or [0]))")
        else:
            w(f"for j, q in enumerate(reversed(list({g}(i % 8)))):")
            w("    acc = clip(acc + j * q)")
        w(f"if i % {self.r.randint(3, 13)} == 0: print(i, acc)")
        w.pop()
        w("print('gen', acc)")

    def block_str(self, w):
        n = self.r.randint(5, 60)
        w(f"s = {self.ch(['chr(39)*0', repr('ab'), repr('xyz'), repr('é')])}")
        w("acc = 0; ne = 0; le = ''")
        self.loop_header(w, "i", n)
        w.push()
        w("try:")
        w.push()
        for _ in range(self.r.randint(2, 5)):
            k = self.r.randrange(12)
            if k == 0:
                w("s += " + self.ch(['str(i)', 'chr(97 + i % 26)', repr('-'), 'f"{i:03d}"', 'f"{i/3:.2f}"', 'f"{i!r:>4}{acc:x}"', 'f"{i*0.1:e}"']))
            elif k == 1:
                w(f"s = clip(s)")
            elif k == 2:
                w("acc += len(s) + s.count('1')")
            elif k == 3:
                w(f"acc += ord(s[{self.ch(['0', '-1', 'i', 'i % (len(s) or 1)'])}])")
            elif k == 4:
                w(f"s = f\"{{s[-5:]}}{{i!r}}{{acc:>{self.r.randint(1, 6)}}}\"")
            elif k == 5:
                w(f"s = '%s-%d' % (s[:4], i)")
            elif k == 6:
                w("s = s.upper() if i % 2 else s.lower()")
            elif k == 7:
                w(f"s = '|'.join([s[:3], str(acc), {self.ch(['repr(1.5)', 'str(None)', 'str(2**64)'])}])")
            elif k == 8:
                w(f"s = s * {self.ch(['2', '0', '-1', '(i % 3)'])}")
            elif k == 9:
                w(f"acc += s.find({self.ch([repr('1'), repr('a'), repr('')])})")
            elif k == 10:
                w(f"s = s + {self.ch(['1', 'None', '1.5'])}")
            else:
                w(f"acc += int(s[-1]) if s and s[-1].isdigit() else 0")
        w.pop()
        w(f"except {EXC} as e:")
        w("    ne += 1; le = en(e)")
        w("s = clip(s)")
        w(f"if i % {self.r.randint(3, 13)} == 0: print(i, acc, repr(s))")
        w.pop()
        w("print('str', acc, repr(s), ne, le)")

    def block_del(self, w):
        n = self.r.randint(5, 40)
        w("acc = 0; ne = 0; le = ''")
        w("t = 1")
        self.loop_header(w, "i", n)
        w.push()
        w(f"if i % {self.r.randint(2, 6)} == 0:")
        w("    del t")
        w("try:")
        w(f"    acc = clip(acc + t * {self.ch(['2', 'i', '1.5'])})")
        w("except (NameError, UnboundLocalError) as e:")
        w("    ne += 1; le = type(e).__name__")
        w(f"    t = {self.ch(['i', 'float(i)', '2**63'])}")
        if self.p(0.5):
            w("q = i")
            w("del q")
            w("try:")
            w("    acc += q")
            w("except (NameError, UnboundLocalError):")
            w("    acc -= 1")
        w(f"if i % {self.r.randint(3, 13)} == 0: print(i, acc, ne)")
        w.pop()
        w("print('del', acc, ne, le)")

    def block_cmpchain(self, w):
        n = self.r.randint(5, 60)
        w(f"a, b, c = {self.intconst()}, {self.floatconst()}, {self.intconst()}")
        w("acc = 0")
        self.loop_header(w, "i", n)
        w.push()
        vs = ["a", "b", "c", "i"]
        for _ in range(self.r.randint(2, 5)):
            x, y, z = (self.ch(vs + [self.intconst(), self.floatconst()]) for _ in range(3))
            ops = ['<', '<=', '==', '!=', '>', '>=']
            w(f"if {x} {self.ch(ops)} {y} {self.ch(ops)} {z}: acc += {self.r.randint(1, 9)}")
        w(f"a = clip(a + {self.ch(['1', '-1', '2**62', 'i'])})")
        w(f"b = b * {self.ch(['1.5', '-1.0', '0.5', '2'])} if b == b else 0.0")
        w(f"c = c - {self.ch(['1', '3', '2**61'])}")
        w(f"acc += (a > b) + (b <= c) * 2 + (a == c) * 4 + (a is c) * 0 + (not a) * 8")
        w(f"if i % {self.r.randint(3, 13)} == 0: print(i, acc, a, b, c)")
        w.pop()
        w("print('cmp', acc, a, b, c)")

    def block_bool(self, w):
        n = self.r.randint(5, 60)
        w("t = True; f = False; acc = 0; ne = 0; le = ''")
        self.loop_header(w, "i", n)
        w.push()
        w("try:")
        w.push()
        for _ in range(self.r.randint(2, 5)):
            k = self.r.randrange(8)
            if k == 0:
                op = self.ch(['+', '-', '*', '//', '%', '<<', '&', '|', '^'])
                w(f"acc = clip(acc + t {op} {self.ch(['f', 't', 'i', '2'] + ([] if op == '<<' else ['acc']))})")
            elif k == 1:
                w(f"t = {self.ch(['not t', 'i % 2 == 0', 't and i', 'f or i > 3', 'bool(acc)', '-t', '~t'])}")
            elif k == 2:
                w("acc += (t or acc) and (f or 1)")
            elif k == 3:
                w(f"f = {self.ch(['t is not f', 'not f', 'acc > i', 'f + 0', 'i and f'])}")
            elif k == 4:
                w("acc = clip(acc + sum([t, f, True]) + int(t) - abs(f))")
            elif k == 5:
                w("acc = clip(acc + (t << 62) + (t << 63) if t else acc - 1)")
            elif k == 6:
                w("acc += 1 if isinstance(t, bool) else 100")
            else:
                w(f"acc = clip(acc // (f or {self.ch(['1', '-1', '2', 'True'])}))")
        w.pop()
        w(f"except {EXC} as e:")
        w("    ne += 1; le = en(e)")
        w(f"if i % {self.r.randint(3, 13)} == 0: print(i, acc, t, f)")
        w.pop()
        w("print('bool', acc, repr(t), repr(f), ne, le)")

    def block_builtins(self, w):
        n = self.r.randint(5, 60)
        w(f"x = {self.ch(['3', '-7', '2**63', '0.5', '-0.0', 'True', '2**53+1'])}")
        w("acc = 0.0; ne = 0; le = ''")
        self.loop_header(w, "i", n)
        w.push()
        w("try:")
        w.push()
        for _ in range(self.r.randint(2, 5)):
            e = self.ch([
                "abs(x)", "abs(-x)", "min(x, i)", "max(x, -i, 0.5)", "min([x, i, -1])", "max(i, x, key=abs)",
                "int(x)", "float(x)", "len([x] * (i % 4))", "math.sqrt(x)", "math.floor(x)", "math.ceil(x)",
                "round(x)", "round(x, 2)", "int(str(i))", "float(str(x))", "int(-x)", "divmod(x, 3)[0]",
                "(x / 3)", "(x // -2)", "(x % -2)", "(-x % 3)", "(x * 3)", "(x - 2**63)", "(x + 0.5)",
                "(x == 2**53 + 1.0)", "(x < 2**63)", "(x > 9.2e18)", "(float(x) == x)", "(x << 1)", "math.fabs(x)",
                "sum([x, i, 0.5])", "math.gcd(int(x), i)", "math.copysign(1.0, x)", "(hash(x) % 1000 if x == x else 0)",
                "int(x * 1e10)", "(x ** 0.5)", "bool(x)",
            ])
            w(f"acc = clip(acc + {e})" if self.p(0.7) else f"acc = {e}")
        w(f"x = {self.ch(['x + 1', '-x', 'x * 2', 'x / 2', 'x - 0.25', 'x // 3', 'x * 2**31', 'i - 3', '2**63 - i', '-(2**63) + i'])}")
        w("x = clip(x)")
        w.pop()
        w(f"except {EXC} as e:")
        w("    ne += 1; le = en(e)")
        w("    x = i")
        w("if type(acc) is float and (acc != acc or acc in (float('inf'), float('-inf'))): acc = 0.0")
        w(f"if i % {self.r.randint(3, 13)} == 0: print(i, acc, x)")
        w.pop()
        w("print('bi', acc, x, ne, le)")

    def block_bigint(self, w):
        """Focus on values around the 2**63 boundary."""
        n = self.r.randint(5, 60)
        w(f"x = {self.ch(['2**63 - 5', '-2**63 + 5', '2**62', '-2**62', '3037000499', '-3037000500', '2**32', '4294967295'])}")
        w(f"s = {self.ch(['1', '-1', '2', '3', '2**31'])}")
        w("acc = 0; ne = 0; le = ''")
        self.loop_header(w, "i", n)
        w.push()
        w("try:")
        w.push()
        for _ in range(self.r.randint(2, 6)):
            e = self.ch([
                "x + s", "x - s", "x * s", "x * x", "-x", "abs(x)", "x // s", "x % s", "x // -1", "x % -1",
                "x << 1", "x >> 1", "x << (s & 127)", "x >> s", "~x", "x ^ -1", "x & (2**64 - 1)", "x | 1",
                "x * 3 // 3", "(x + x) - x", "x - (-2**63)", "x + 2**63", "-x - 1", "x * -1", "x // 2**63",
                "x % 2**63", "x // (s - s or -1)", "x ** 2", "x / s", "x * 2 // 2", "x + i", "x - i * 2**60",
                "x // (i - 5)", "x % (i - 5)", "x << (i % 70)", "x >> (i % 70)", "x * (i - 10)",
            ])
            t = self.ch(["x", "x", "acc", "y"])
            if t == "acc":
                w(f"acc = clip(acc ^ ({e}))")
            elif t == "y":
                w(f"y = {e}")
                w("acc = clip(acc + (y if type(y) is int else int(y) if y == y and abs(y) < 1e300 else 0))")
            else:
                w(f"x = clip({e})")
        if self.p(0.5):
            w(f"s = {self.ch(['-s', 's * 2', 's + 1', 's - 1', 's * -3'])}")
            w("s = clip(s)")
        w.pop()
        w(f"except {EXC} as e:")
        w("    ne += 1; le = en(e)")
        w(f"    x = {self.ch(['2**63 - 1', '-2**63', 'i', '2**62 + i'])}")
        w(f"if i % {self.r.randint(3, 13)} == 0: print(i, x, acc)")
        w.pop()
        w("print('big', x, s, acc, ne, le)")

    def block_mixed(self, w, defs):
        """Random mix: statements from several families in one loop nest."""
        ivs = ["a", "b"]
        fvs = ["x"]
        w("a, b = " + ", ".join(self.intconst() for _ in ivs))
        w(f"x = {self.floatconst()}")
        w("xs = [1, 2, 3]; o = Obj(); acc = 0; ne = 0; le = ''")
        n = self.r.randint(5, 50)
        self.loop_header(w, "i", n)
        w.push()
        depth = 1
        if self.p(0.5):
            self.loop_header(w, "j", self.r.randint(1, 6))
            w.push()
            depth = 2
        vs = ivs + ["i"] + (["j"] if depth == 2 else [])
        w("try:")
        w.push()
        for _ in range(self.r.randint(2, 7)):
            k = self.r.randrange(12)
            if k == 0:
                w(f"a = clip({self.iexpr(vs, 2)})")
            elif k == 1:
                w(f"x = {self.fexpr(vs, fvs, 2)}")
            elif k == 2:
                w(f"o.v = clip(o.v + {self.iexpr(vs, 1)})")
            elif k == 3:
                w(f"xs[i % len(xs)] = clip(xs[i % len(xs)] + {self.iexpr(vs, 1)})")
            elif k == 4:
                w(f"b = clip(helper({self.iexpr(vs, 1)}, {self.iexpr(vs, 1)}))")
            elif k == 5:
                w(f"if i == {self.r.randint(0, n)}: {self.ch(['a', 'b', 'x'])} = {self.ch(['1.5', '2**64', 'None', chr(39) + 's' + chr(39), 'True'])}")
            elif k == 6:
                w(f"if {self.bexpr(vs, fvs, 1)}: {'break' if self.p(0.3) else 'continue'}")
            elif k == 7:
                w(f"acc = clip(acc + {self.iexpr(vs + ['o.v', 'xs[0]', 'len(xs)'], 2)})")
            elif k == 8:
                w(f"t = ({self.iexpr(vs, 1)}, {self.fexpr(vs, fvs, 1)})")
                w("a, x = t")
                w("a = clip(a)")
            elif k == 9:
                w(f"acc += sum(q for q in range(i % 4))")
            elif k == 10:
                w(f"o.w = {self.iexpr(vs, 1)} if i % 2 else {self.fexpr(vs, fvs, 1)}")
                w("acc = clip(acc + int(o.w))")
            else:
                w(f"acc = clip(acc * {self.ch(['3', '-1', '2**31', '0'])} + 1)")
        w.pop()
        w(f"except {EXC} as e:")
        w("    ne += 1; le = en(e)")
        if depth == 2:
            w.pop()
        w("if x != x: x = 0.0")
        w(f"if i % {self.r.randint(3, 13)} == 0: print(i, a, b, x, o.v, xs, acc, ne)")
        w.pop()
        w("print('mix', a, b, x, o.v, xs, acc, ne, le)")


    # ------------------------------------------------------------ v2 blocks
    def guard(self, w, body_fn):
        w("try:")
        w.push()
        body_fn()
        w.pop()
        w(f"except {EXC} as e:")
        w("    ne += 1; le = en(e)")

    def block_subclass(self, w, defs):
        """int/float/str/list/dict subclasses flowing into specialised loops."""
        ci, cf, cl, cd = self.fresh("MI"), self.fresh("MF"), self.fresh("ML"), self.fresh("MD")
        defs(f"class {ci}(int):")
        if self.p(0.6):
            defs(f"    def __add__(self, o): return {self.ch(['42', 'int(self) - o', ci + '(int(self) + o + 1)'])}")
        if self.p(0.5):
            defs("    def __lt__(self, o): return True")
        if self.p(0.5):
            defs("    def __mul__(self, o): return -1")
        defs("    pass")
        defs(f"class {cf}(float):")
        if self.p(0.6):
            defs("    def __sub__(self, o): return 0.25")
        if self.p(0.5):
            defs("    def __truediv__(self, o): return 9.0")
        defs("    pass")
        defs(f"class {cl}(list):")
        if self.p(0.6):
            defs("    def __getitem__(self, i): return 5")
        if self.p(0.5):
            defs("    def __len__(self): return 2")
        if self.p(0.4):
            defs("    def __iter__(self): return iter([9, 8])")
        defs("    pass")
        defs(f"class {cd}(dict):")
        defs("    def __missing__(self, k): return -k if type(k) is int else 0")
        n = self.r.randint(5, 50)
        w(f"x = {self.ch(['1', ci + '(3)', '2**63'])}; y = {self.ch(['0.5', cf + '(1.5)'])}")
        w(f"xs = {self.ch(['[1, 2, 3]', cl + '([1, 2, 3])'])}; dd = {self.ch(['{}', cd + '()', cd + '({1: 1})'])}")
        w("acc = 0; ne = 0; le = ''")
        self.loop_header(w, "i", n)
        w.push()

        def body():
            for _ in range(self.r.randint(2, 6)):
                k = self.r.randrange(12)
                if k == 0:
                    w(f"if i == {self.r.randint(0, n)}: x = {ci}({self.ch(['i', '-1', '2**62'])})")
                elif k == 1:
                    w(f"if i == {self.r.randint(0, n)}: y = {cf}({self.ch(['i', '0.5', '-2.0'])})")
                elif k == 2:
                    w(f"if i == {self.r.randint(0, n)}: xs = {cl}(xs)")
                elif k == 3:
                    w(f"acc = clip(acc + x {self.ch(['+', '*', '-', '//', '%', '&', '<<'])} {self.ch(['1', 'i', '3', 'x'])})")
                elif k == 4:
                    w(f"acc = clip(acc + (x < i) + (y < i) + int(y {self.ch(['-', '/', '+', '*'])} 2))")
                elif k == 5:
                    w("acc = clip(acc + xs[i % 3] + len(xs))")
                elif k == 6:
                    w("for q in xs:")
                    w("    acc = clip(acc + q)")
                elif k == 7:
                    w("acc = clip(acc + dd[i % 5])")
                    w(f"dd[i % {self.r.randint(2, 6)}] = i")
                elif k == 8:
                    w("acc = clip(acc + abs(x) + min(x, i) + max(xs))")
                elif k == 9:
                    w(f"x = x + 1 if type(x) is int else x")
                elif k == 10:
                    w(f"acc += isinstance(x, int) + (type(x) is int) * 2 + (type(y) is float) * 4")
                else:
                    w(f"if i == {self.r.randint(0, n)}: x, y = y, x")
        self.guard(w, body)
        w(f"if i % {self.r.randint(3, 13)} == 0: print(i, acc, type(x).__name__, type(xs).__name__)")
        w.pop()
        w("print('sub', acc, x, y, list(xs), sorted(dd.items()), ne, le)")

    def block_range_edge(self, w):
        """ranges and counters around the int64 boundary."""
        k = self.r.randrange(8)
        w("acc = 0; ne = 0; le = ''")
        lo = self.ch(["2**63 - 3", "-2**63 - 2", "2**63 - 1", "-2**63", "2**62 - 2", "9223372036854775800"])
        if k == 0:
            w(f"for i in range({lo}, {lo} + {self.r.randint(1, 8)}):")
        elif k == 1:
            w(f"for i in range({lo} + 5, {lo} - 3, -{self.r.randint(1, 3)}):")
        elif k == 2:
            w(f"for j, i in enumerate(range({self.r.randint(3, 9)}), {lo}):")
        elif k == 3:
            w(f"i = {lo}")
            w(f"while i < {lo} + {self.r.randint(2, 9)}:")
        elif k == 4:
            w(f"for i in range(0, 2**64, 2**{self.r.randint(58, 62)}):")
        elif k == 5:
            w(f"for i in [{lo}, {lo} + 1, {lo} + 2, -1, 0]:")
        elif k == 6:
            w(f"for i in range({lo} - 2, {lo} + 3, {self.ch(['1', '2', '2**62'])}):")
        else:
            w(f"i = {lo}")
            w(f"while i > {lo} - {self.r.randint(2, 9)}:")
        w.push()

        def body():
            for _ in range(self.r.randint(1, 4)):
                w(f"acc = clip(acc + {self.ch(['i', 'i * 2', '-i', 'i // 3', 'i % 1000', 'i + 1', 'i - 1', 'i ^ 1', 'abs(i)', 'i >> 1', 'i << 1', '(i > 0)', '(i == 2**63)', 'float(i)'])})")
            w("print(i, acc)")
        self.guard(w, body)
        if k in (3,):
            w("i += 1")
        if k == 7:
            w("i -= 1")
        w.pop()
        w("print('range', acc, ne, le)")

    def block_intfloat(self, w):
        """exactness of int/float comparisons and big-int true division."""
        n = self.r.randint(5, 40)
        w(f"x = {self.ch(['2**53', '2**63 - 1', '-2**63', '2**63', '2**53 - 3', '2**62 + 1', '10**18'])}")
        w(f"f = {self.ch(['9.223372036854776e18', '9007199254740992.0', '-9.223372036854776e18', '1e18', '4.611686018427388e18', '0.5'])}")
        w("acc = 0; ne = 0; le = ''")
        self.loop_header(w, "i", n)
        w.push()

        def body():
            for _ in range(self.r.randint(2, 6)):
                e = self.ch([
                    "x == f", "x < f", "x <= f", "x > f", "x != f", "f == x", "f < x", "x + 1 == f", "x - 1 < f",
                    "x / 3", "x / 7", "x / (i + 1)", "(x + i) / 3", "x / f", "f / x", "x // f", "x % f", "f % x",
                    "int(f)", "int(f) == x", "float(x) == x", "x == float(x)", "x * 1.0", "x + 0.0", "f + x",
                    "(x + i) == f", "round(f) - x", "math.floor(f) - x", "math.ceil(f / 3)", "x // 3 * 3 == x",
                    "(x + i) / 10**9", "float(x + i)", "divmod(f, 7.5)", "f // 1", "-f // 3", "f % -3",
                    "(x > f) == (float(x) > f)", "max(x, f)", "min(f, x)",
                ])
                w(f"r = {e}")
                w("print(i, repr(r))" if self.p(0.5) else "acc = clip(acc + (r if type(r) in (int, bool) else 1))")
            w(f"x = {self.ch(['x + 1', 'x - 1', 'x * 2', 'x + 2**20', 'x - 2**11', 'x + 1024'])}")
            w(f"f = {self.ch(['f', 'f * 2', 'f + 1024', 'float(x)', 'f / 2'])}")
            w("x = clip(x)")
        self.guard(w, body)
        w.pop()
        w("print('if', x, repr(f), acc, ne, le)")

    def block_attrs2(self, w, defs):
        """attribute kinds changing, shadowing, hooks added mid-loop, setter-only __init__."""
        c = self.fresh("K")
        defs(f"class {c}:")
        defs("    cls_a = 1")
        defs("    def __init__(self, a, b):")
        defs("        self.a = a")
        defs("        self.b = b")
        if self.p(0.4):
            defs("    @property")
            defs("    def pr(self): return self.a + 1")
            defs("    @pr.setter")
            defs("    def pr(self, v): self.b = v")
        else:
            defs("    pr = 0")
        n = self.r.randint(5, 50)
        w(f"os_ = [{c}(1, 2.5), {c}({self.intconst()}, {self.floatconst()})]")
        w("acc = 0; ne = 0; le = ''")
        self.loop_header(w, "i", n)
        w.push()
        w(f"o = os_[i % {self.ch(['1', '2'])}]")
        if self.p(0.3):
            w(f"o = {c}(i, i * 0.5)")

        def body():
            for _ in range(self.r.randint(2, 7)):
                k = self.r.randrange(15)
                if k == 0:
                    w(f"o.a = clip(o.a + {self.ch(['1', 'i', 'o.b', '2**62'])})")
                elif k == 1:
                    w(f"o.b = o.b * {self.ch(['1.5', '-1.0', '2'])}")
                elif k == 2:
                    w(f"if i == {self.r.randint(0, n)}: o.a = {self.ch(['0.5', 'None', chr(39) + 'a' + chr(39), '2**64', 'True'])}")
                elif k == 3:
                    w(f"if i == {self.r.randint(0, n)}: o.cls_a = 5")
                    w("acc = clip(acc + o.cls_a)")
                elif k == 4:
                    w(f"if i == {self.r.randint(0, n)}: {c}.cls_a = {self.ch(['2', '0.5', 'property(lambda s: 11)'])}")
                    w("acc = clip(acc + o.cls_a)")
                elif k == 5:
                    w(f"if i == {self.r.randint(0, n)}: {c}.__getattr__ = lambda s, nm: 100")
                    w("acc = clip(acc + o.zz if hasattr(o, 'zz') else acc)")
                elif k == 6:
                    w(f"if i == {self.r.randint(0, n)}: {c}.__setattr__ = lambda s, nm, v: object.__setattr__(s, nm, v * 2 if type(v) is int else v)")
                elif k == 7:
                    w(f"if i == {self.r.randint(0, n)}: del o.b")
                    w("acc = clip(acc + int(getattr(o, 'b', -3)))")
                elif k == 8:
                    w("o.pr = i")
                    w("acc = clip(acc + o.pr)")
                elif k == 9:
                    w(f"if i == {self.r.randint(0, n)}:")
                    w(f"    def _init(self, a, b): self.a = b; self.b = a; self.c = 1")
                    w(f"    {c}.__init__ = _init")
                    w(f"acc = clip(acc + {c}(i, 2).a)")
                elif k == 10:
                    w(f"o.__dict__['a'] = {self.ch(['i', 'i * 0.5', 'o.a'])}")
                elif k == 11:
                    w(f"if i == {self.r.randint(0, n)}: o.extra = i; o.extra2 = 1")
                    w("acc = clip(acc + getattr(o, 'extra', 0))")
                elif k == 12:
                    w("acc = clip(acc + (o.a if type(o.a) in (int, float) else 1) + o.b)")
                elif k == 13:
                    w("setattr(o, 'a', getattr(o, 'a') + 1) if type(o.a) is int else None")
                else:
                    w("o.a += 1")
                    w("o.b -= 0.5")
        self.guard(w, body)
        w("if type(acc) is float and acc != acc: acc = 0")
        w(f"if i % {self.r.randint(3, 13)} == 0: print(i, acc, o.__dict__)")
        w.pop()
        w("print('at2', acc, [q.__dict__ for q in os_], ne, le)")

    def block_closures(self, w, defs):
        mk = self.fresh("mk")
        defs(f"def {mk}(k):")
        defs("    c = [0]")
        defs("    def f(x):")
        defs(f"        c[0] += 1")
        defs(f"        return x * k + c[0]")
        defs("    return f")
        n = self.r.randint(5, 50)
        w(f"fs = [{mk}(1), {mk}({self.ch(['2', '-1', '0.5', '2**62'])}), {mk}(3)]")
        w("acc = 0; ne = 0; le = ''; cell = 0")
        self.loop_header(w, "i", n)
        w.push()

        def body():
            for _ in range(self.r.randint(2, 6)):
                k = self.r.randrange(9)
                if k == 0:
                    w(f"acc = clip(acc + fs[i % {self.ch(['1', '2', '3'])}](i))")
                elif k == 1:
                    w(f"if i == {self.r.randint(0, n)}: fs[0] = {mk}({self.ch(['5', '1.5', chr(39) + 's' + chr(39)])})")
                elif k == 2:
                    w("g = lambda y: y + i + acc")
                    w("acc = clip(g(1))")
                elif k == 3:
                    w("cell += 1")
                    w("acc = clip(acc + (lambda: cell)())")
                elif k == 4:
                    w("hs = [lambda q=j: q * 2 for j in range(3)]")
                    w("acc = clip(acc + sum(h() for h in hs))")
                elif k == 5:
                    w("acc = clip(acc + sum(map(fs[2], range(i % 5))))")
                elif k == 6:
                    w(f"if i == {self.r.randint(0, n)}: cell = {self.ch(['0.5', 'None', '2**64'])}")
                elif k == 7:
                    w("def inner(z):")
                    w("    return z + cell if type(cell) in (int, float) else z")
                    w("acc = clip(acc + inner(i))")
                else:
                    w("acc = clip(acc + (lambda *a, **k: len(a) + len(k))(i, i, z=1))")
        self.guard(w, body)
        w(f"if i % {self.r.randint(3, 13)} == 0: print(i, acc, cell)")
        w.pop()
        w("print('clo', acc, cell, ne, le)")

    def block_nest(self, w, defs):
        """outer loop with few iterations, inner with many; exceptions crossing loops; tracebacks."""
        f = self.fresh("nf")
        defs(f"def {f}(x, n):")
        defs("    s = 0")
        defs("    for q in range(n):")
        defs(f"        s += x // (q - {self.r.randint(0, 30)}) if q % {self.r.randint(2, 9)} else q")
        defs("        if s > 10**6: s = s % 1000")
        defs("    return s")
        on = self.r.randint(2, 8)
        inn = self.r.randint(5, 60)
        w("acc = 0; ne = 0; le = ''; tbs = []")
        w(f"for i in range({on}):")
        w.push()
        w("try:")
        w.push()
        self.loop_header(w, "j", inn)
        w.push()
        for _ in range(self.r.randint(1, 4)):
            k = self.r.randrange(7)
            if k == 0:
                w(f"acc = clip(acc + {f}(j, i + {self.r.randint(1, 10)}))")
            elif k == 1:
                w(f"if j == {self.r.randint(0, inn)} and i == {self.r.randint(0, on)}: raise KeyError(j)")
            elif k == 2:
                w(f"acc = clip(acc * {self.ch(['3', '-1', '2**40'])} + j)")
            elif k == 3:
                w(f"for m in range(j % {self.r.randint(2, 7)}):")
                w(f"    acc = clip(acc + m * i - j)")
            elif k == 4:
                w(f"if acc > {self.intconst()}: break")
            elif k == 5:
                w(f"acc = clip(acc + {f}(j * {self.intconst()}, {self.r.randint(0, 5)}))")
            else:
                w(f"if j == {self.r.randint(0, inn)}: acc = acc + 0.5")
        w.pop()
        w.pop()
        w(f"except {EXC} as e:")
        w("    ne += 1; le = en(e)")
        w("    tb = e.__traceback__; ls = []")
        w("    while tb is not None:")
        w("        ls.append(tb.tb_lineno); tb = tb.tb_next")
        w("    tbs.append(ls)")
        w("print(i, acc, ne)")
        w.pop()
        w("print('nest', acc, ne, le, tbs)")

    def block_defaults(self, w, defs):
        f = self.fresh("df")
        fw = self.fresh("fw")
        defs(f"def {f}(a, b=1, *rest, c=2, **kw):")
        defs(f"    return a * b + c + len(rest) + sum(kw.values())")
        defs(f"def {fw}(*args, **kwargs):")
        defs(f"    return {f}(*args, **kwargs)")
        n = self.r.randint(5, 50)
        w("acc = 0; ne = 0; le = ''")
        self.loop_header(w, "i", n)
        w.push()

        def body():
            for _ in range(self.r.randint(2, 5)):
                k = self.r.randrange(9)
                if k == 0:
                    w(f"acc = clip(acc + {f}(i))")
                elif k == 1:
                    w(f"acc = clip(acc + {f}(i, 2, 3, 4, c=i, d=1))")
                elif k == 2:
                    w(f"acc = clip(acc + {fw}(i, c=5))")
                elif k == 3:
                    w(f"if i == {self.r.randint(0, n)}: {f}.__defaults__ = ({self.ch(['10', '0.5', '2**63', chr(39) + 'x' + chr(39)])},)")
                elif k == 4:
                    w(f"if i == {self.r.randint(0, n)}: {f}.__kwdefaults__ = {{'c': {self.ch(['-1', '1.5', 'None'])}}}")
                elif k == 5:
                    w(f"acc = clip(acc + {fw}(*[i, i], **{{'c': 1, 'z': i}}))")
                elif k == 6:
                    w(f"acc = clip(acc + {f}(b=i, a=2))")
                elif k == 7:
                    w(f"acc = clip(acc + {f}(*range(i % 5)))")
                else:
                    w(f"acc = clip(acc + {fw}(i, q=i, **{{'r': 2}}))")
        self.guard(w, body)
        w(f"if i % {self.r.randint(3, 13)} == 0: print(i, acc)")
        w.pop()
        w("print('defs', acc, ne, le)")

    def block_recursion(self, w, defs):
        f = self.fresh("rec")
        k = self.r.randrange(4)
        if k == 0:
            defs(f"def {f}(n):")
            defs(f"    return 1 if n <= 1 else n * {f}(n - 1)")
        elif k == 1:
            defs(f"def {f}(n, acc=0):")
            defs(f"    if n == 0: return acc")
            defs(f"    if n == {self.r.randint(1, 30)}: raise ValueError(n)")
            defs(f"    return {f}(n - 1, acc + n)")
        elif k == 2:
            defs(f"def {f}(n):")
            defs(f"    if n < 2: return n")
            defs(f"    return {f}(n - 1) + {f}(n - 2) if n % 2 else {f}(n - 2) * 2 - 1")
        else:
            defs(f"def {f}_a(n): return 0 if n <= 0 else 1 + {f}_b(n - 1)")
            defs(f"def {f}_b(n): return 0 if n <= 0 else 2 + {f}_a(n - 1)")
            defs(f"{f} = {f}_a")
        n = self.r.randint(5, 25)
        w("acc = 0; ne = 0; le = ''")
        self.loop_header(w, "i", n)
        w.push()

        def body():
            w(f"acc = clip(acc + {f}(i % {self.r.randint(3, 25)}))")
            if self.p(0.3):
                w(f"if i == {self.r.randint(0, n)}: acc = acc + 0.5")
        self.guard(w, body)
        w(f"if i % {self.r.randint(3, 13)} == 0: print(i, acc)")
        w.pop()
        w("print('rec', acc, ne, le)")

    def block_listkinds(self, w):
        n = self.r.randint(5, 50)
        w(f"xs = {self.ch(['[1, 2, 3, 4]', '[0.5, 1.5, 2.5]', '[1, 2.5, 3]', '[True, 2, 3]', '[2**63, 1, 2]', 'list(range(6))'])}")
        w("ys = xs")
        w("acc = 0; ne = 0; le = ''")
        self.loop_header(w, "i", n)
        w.push()

        def body():
            for _ in range(self.r.randint(2, 6)):
                k = self.r.randrange(13)
                if k == 0:
                    w(f"xs[i % len(xs)] = xs[i % len(xs)] {self.ch(['+', '*', '-'])} {self.ch(['1', '1.5', 'i', 'True'])}")
                elif k == 1:
                    w(f"if i == {self.r.randint(0, n)}: ys.append({self.ch(['0.5', chr(39) + 's' + chr(39), 'None', '2**64', '[1]'])})")
                elif k == 2:
                    w("for q in xs:")
                    w("    acc = clip(acc + (q if type(q) in (int, float, bool) else 1))")
                elif k == 3:
                    w(f"if i == {self.r.randint(0, n)}: xs.clear(); xs.extend([1, 2])")
                elif k == 4:
                    w(f"if i == {self.r.randint(0, n)}: xs[:] = [{self.ch(['0.5, 1.5', '1, 2, 3', chr(39) + 'a' + chr(39) + ', 1'])}]")
                elif k == 5:
                    w("xs[-1] += 1")
                elif k == 6:
                    w("acc = clip(acc + sum(q for q in xs if type(q) in (int, float)))")
                elif k == 7:
                    w(f"if i == {self.r.randint(0, n)}: xs = [q * 2 for q in xs]")
                elif k == 8:
                    w("xs.sort(key=lambda q: -q if type(q) in (int, float) else 0)")
                elif k == 9:
                    w(f"if len(xs) > {self.r.randint(4, 10)}: xs.pop(0)")
                elif k == 10:
                    w("for j in range(len(xs)):")
                    w(f"    if j == {self.r.randint(0, 4)}: ys.append(j)")
                    w("    acc = clip(acc + (xs[j] if type(xs[j]) is int else 1))")
                elif k == 11:
                    w("a, b = xs[0], xs[-1]")
                    w("acc = clip(acc + (a > b))")
                else:
                    w("xs.reverse()")
        self.guard(w, body)
        w("if len(xs) > 20: del xs[10:]")
        w("acc = 0 if type(acc) is float and acc != acc else acc")
        w(f"if i % {self.r.randint(3, 13)} == 0: print(i, acc, xs)")
        w.pop()
        w("print('lk', acc, xs, ys is xs, ne, le)")

    def block_unpack(self, w):
        n = self.r.randint(5, 40)
        w(f"ps = [(1, 2), (3, 4), {self.ch(['(5, 6)', '(0.5, 1)', '[7, 8]'])}]")
        w("acc = 0; ne = 0; le = ''")
        self.loop_header(w, "i", n)
        w.push()

        def body():
            w("for a, b in ps:")
            w("    acc = clip(acc + a * b)")
            w(f"if i == {self.r.randint(0, n)}: ps.append({self.ch(['(1, 2, 3)', '(1,)', '5', '(2**63, -1)', chr(39) + 'ab' + chr(39), '(None, 1)', '[9, 9]'])})")
            w(f"if i == {self.r.randint(0, n)}: ps[0] = {self.ch(['(1.5, 2)', '(i, i)', 'range(2)'])}")
            if self.p(0.5):
                w("for (a, b), c in zip(ps, range(10)):")
                w("    acc = clip(acc - a + c)")
            if self.p(0.5):
                w("x, (y, z) = i, (i, i + 1)")
                w("acc = clip(acc + x + y + z)")
            if self.p(0.3):
                w("while len(ps) > 4: ps.pop()")
        self.guard(w, body)
        w(f"if i % {self.r.randint(3, 13)} == 0: print(i, acc, ps)")
        w.pop()
        w("print('unp', acc, ps, ne, le)")

    def block_gen2(self, w, defs):
        g = self.fresh("gs")
        defs(f"def {g}():")
        defs("    tot = 0")
        defs("    while True:")
        defs("        x = yield tot")
        defs("        if x is None: return tot")
        defs("        tot += x")
        n = self.r.randint(5, 40)
        w("acc = 0; ne = 0; le = ''")
        w(f"it = {g}(); next(it)")
        self.loop_header(w, "i", n)
        w.push()

        def body():
            w(f"acc = clip(acc + it.send({self.ch(['i', '1', 'i * 0.5', '2**62'])}))")
            w(f"if i % {self.r.randint(3, 11)} == 0:")
            w("    try:")
            w("        it.send(None)")
            w("    except StopIteration as e:")
            w("        acc = clip(acc + e.value)")
            w(f"    it = {g}(); next(it)")
            if self.p(0.5):
                w("acc = clip(acc + sum(x * x for x in range(i % 7) if x % 2))")
            if self.p(0.5):
                w("acc = clip(acc + len([y for y in (lambda n: (z for z in range(n)))(i % 5)]))")
        self.guard(w, body)
        w(f"if i % {self.r.randint(3, 13)} == 0: print(i, acc)")
        w.pop()
        w("print('gen2', acc, ne, le)")

    def block_fnloops(self, w, defs):
        """a function with a loop, called many times with changing argument types."""
        f = self.fresh("fl")
        defs(f"def {f}(x, n):")
        defs("    s = x")
        defs("    for q in range(n):")
        defs(f"        s = s {self.ch(['+', '*', '-'])} q {self.ch(['+', '-', '*'])} x")
        defs(f"        if q == {self.r.randint(0, 6)}: s = s // 2 if type(s) is int else s / 2")
        defs("    return s")
        n = self.r.randint(10, 60)
        w("acc = 0; ne = 0; le = ''")
        self.loop_header(w, "i", n)
        w.push()

        def body():
            arg = self.ch(["i", "i * 0.5", "(i if i % 3 else 0.5)", "(i if i < " + str(self.r.randint(0, n)) + " else 1.5)",
                           "2**62", "(2**63 if i % 5 == 0 else i)", "True", "(str(i) if i == 7 else i)"])
            w(f"r = {f}({arg}, i % {self.r.randint(2, 8)})")
            w("acc = clip(acc + (r if type(r) is int else int(r) if type(r) is float and abs(r) < 1e300 else 1))")
        self.guard(w, body)
        w(f"if i % {self.r.randint(3, 13)} == 0: print(i, acc)")
        w.pop()
        w("print('fl', acc, ne, le)")


    def block_floatedge(self, w):
        """float edge cases through native builtins: min/max ties, -0.0, nan, inf, pow overflow."""
        vals = ["0.0", "-0.0", "1.0", "1", "-1", "float('nan')", "float('inf')", "-float('inf')", "1e308", "2.5", "-2.5",
                "0.5", "-0.5", "3", "True", "2**63", "9.007199254740993e15", "1e-320", "-1e-320"]
        n = self.r.randint(5, 40)
        w(f"vs = [{', '.join(self.r.sample(vals, self.r.randint(3, 7)))}]")
        w("acc = 0; ne = 0; le = ''")
        self.loop_header(w, "i", n)
        w.push()
        w("x = vs[i % len(vs)]; y = vs[(i * 7 + 3) % len(vs)]")

        def body():
            for _ in range(self.r.randint(2, 6)):
                e = self.ch([
                    "min(x, y)", "max(x, y)", "min(y, x)", "max(y, x)", "min(x, y, 0)", "max(x, -x)", "min(x, -x)",
                    "abs(x)", "-x", "x * 0", "x * -1", "0 - x", "x - x", "x + 0.0", "-0.0 + x", "x ** 2", "x ** 0.5",
                    "x ** y", "y ** x", "x ** -1", "10.0 ** x", "x % 1.0", "x % -1.0", "x // 1.0", "divmod(x, y)",
                    "x / y", "x // y", "x % y", "round(x)", "round(x, 1)", "int(x)", "float(x)", "math.floor(x)",
                    "math.ceil(x)", "math.sqrt(x)", "math.exp(x)", "math.log(x)", "math.fabs(x)", "math.trunc(x)",
                    "math.copysign(2.0, x)", "math.isnan(x)", "math.isinf(x)", "x == y", "x < y", "x <= y", "x != x",
                    "(x > y) - (x < y)", "x if x > y else y", "bool(x)", "x and y", "x or y", "not x",
                    "f'{x:.3f}'", "f'{x}'", "f'{x:g}|{y:>8}'", "'%.2e' % x", "'%r' % y", "str(x)", "repr(y)",
                    "(x, y) < (y, x)", "x in vs", "vs.index(x)", "vs.count(y)", "sum([x, y])", "sorted([x, y, 1])",
                ])
                w(f"r = {e}")
                w("print(i, repr(r))" if self.p(0.6) else "acc = clip(acc + (r if type(r) in (int, bool) else 1))")
        self.guard(w, body)
        if self.p(0.3):
            w(f"if i == {self.r.randint(0, n)}: vs.append({self.ch(vals)})")
        w.pop()
        w("print('fe', acc, vs, ne, le)")

    # ------------------------------------------------------------- program
    def program(self):
        head = W()
        self.prelude(head)
        head("_sqrt = math.sqrt")
        head("class Obj:")
        head("    def __init__(self): self.v = 0")
        head("def helper(p, q):")
        head("    return p - q if p > q else q * 2 + 1")
        head("")
        defs = W()
        body = W()
        fams = ["int", "float", "bigint", "cmp", "bool", "control", "list"]
        if self.level >= 1:
            fams += ["typechange", "calls", "dict", "str", "mixed", "builtins", "floatedge"]
        if self.level >= 2:
            fams += ["class", "exc", "gen", "del", "globals"]
        if self.level >= 3:
            fams += ["class", "globals", "calls", "mixed", "typechange"]
        if self.level >= 4:
            fams = ["subclass", "range", "intfloat", "attrs2", "closures", "nest", "defaults",
                    "recursion", "listkinds", "unpack", "gen2", "fnloops", "floatedge", "floatedge"] * 2 + fams
        nblocks = self.r.randint(2, 6)
        for bi in range(nblocks):
            fam = self.ch(fams)
            self.families.append(fam)
            mode = self.r.randrange(10)  # <3 module level, else function
            in_func = mode >= 3
            w = W()
            if in_func:
                fname = self.fresh("blk")
                args = ""
                w(f"def {fname}({args}):")
                w.push()
            if fam == "int":
                self.block_int(w)
            elif fam == "float":
                self.block_float(w)
            elif fam == "bigint":
                self.block_bigint(w)
            elif fam == "cmp":
                self.block_cmpchain(w)
            elif fam == "bool":
                self.block_bool(w)
            elif fam == "control":
                self.block_control(w, in_func)
            elif fam == "list":
                self.block_list(w)
            elif fam == "typechange":
                self.block_typechange(w)
            elif fam == "calls":
                self.block_calls(w, defs)
            elif fam == "dict":
                self.block_dict_tuple(w)
            elif fam == "str":
                self.block_str(w)
            elif fam == "mixed":
                self.block_mixed(w, defs)
            elif fam == "builtins":
                self.block_builtins(w)
            elif fam == "class":
                self.block_class(w, defs)
            elif fam == "exc":
                self.block_exc(w, defs)
            elif fam == "gen":
                self.block_gen(w, defs)
            elif fam == "del":
                self.block_del(w)
            elif fam == "globals":
                self.block_globals(w, defs, in_func)
            elif fam == "subclass":
                self.block_subclass(w, defs)
            elif fam == "range":
                self.block_range_edge(w)
            elif fam == "intfloat":
                self.block_intfloat(w)
            elif fam == "attrs2":
                self.block_attrs2(w, defs)
            elif fam == "closures":
                self.block_closures(w, defs)
            elif fam == "nest":
                self.block_nest(w, defs)
            elif fam == "defaults":
                self.block_defaults(w, defs)
            elif fam == "recursion":
                self.block_recursion(w, defs)
            elif fam == "listkinds":
                self.block_listkinds(w)
            elif fam == "unpack":
                self.block_unpack(w)
            elif fam == "gen2":
                self.block_gen2(w, defs)
            elif fam == "fnloops":
                self.block_fnloops(w, defs)
            elif fam == "floatedge":
                self.block_floatedge(w)
            if in_func:
                w.pop()
                reps = self.ch([1, 1, 2, 3, 12])
                if reps == 1:
                    w(f"{fname}()")
                else:
                    w(f"for _r in range({reps}): {fname}()")
            body.lines.extend(w.lines)
        if self.p(0.05):
            body(self.ch(["print(1 // 0)", "raise ValueError('end')", "x = [][0]"]))
        return head.text() + defs.text() + "\n" + body.text()


def main():
    seed = int(sys.argv[1])
    level = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    g = Gen(seed, level)
    src = g.program()
    sys.stdout.write(src)
    sys.stderr.write(" ".join(g.families) + "\n")


if __name__ == "__main__":
    main()
