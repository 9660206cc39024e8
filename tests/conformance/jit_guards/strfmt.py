"""f-string fields, f-string assembly and str % formatting in compiled
loops (`strfmt`): the direct helpers for plain operands, and everything
that must still go through the interpreter's code: other types arriving
mid-loop, __format__/__rmod__ of user classes and str subclasses,
conversions, bad specs raising CPython's errors."""


class Fmt:
    def __repr__(self):
        return "Fmt()"

    def __format__(self, spec):
        return "F<" + spec + ">"


class S(str):
    def __format__(self, spec):
        return "S[" + str.__format__(self, spec) + "]"


class T(str):
    pass


class R(str):
    def __rmod__(self, other):
        return "rmod(" + other + ")"


def field_types(n):
    values = [7, -12, 2.5, "ab", "é", True, None, 10 ** 30, float("nan"),
              float("-inf"), Fmt(), S("xy"), T("tt"), -0.0, 1e300]
    out = []
    for i in range(n):
        v = values[(i * 7) % len(values)] if i > n // 2 else i
        out.append(f"{v}|{v!r}|{i}:{v}")
    return out


def field_specs(n):
    values = [5, -3, 0, 12345678901, 2.675, -1.005, 1e16, "abc", "é", Fmt(), True]
    specs = [">6", "<6", "^7", "06d", "+d", ".2f", "10.3f", "*^9", "x", ",", ".1e", "s", ">4.2", "_>8", " d", "-^5", "=8"]
    out = []
    errors = {}
    for i in range(n):
        v = values[i % len(values)] if i >= 1500 else i * 3
        spec = specs[(i // 3) % len(specs)] if i >= 1200 else "08d"
        try:
            out.append(f"[{v:{spec}}]")
        except (ValueError, TypeError) as e:
            key = type(e).__name__ + ": " + str(e)
            errors[key] = errors.get(key, 0) + 1
    return out, errors


def make_key(i, fmt):
    return fmt % ((i >> 2) % 300)


def percent(n):
    fmts = ["u%04d", "%s!", "%5.1f", "%x", "%r", "%c", "%d%%"]
    args = [3, 2.5, "z", (1, 2), (4,), R("r"), [1], 10 ** 20, -7, ("a", 1.5)]
    out = []
    errors = {}
    for i in range(n):
        if i < 1500:
            out.append(make_key(i, "u%04d"))
            continue
        f = fmts[i % len(fmts)]
        a = args[(i // 7) % len(args)]
        try:
            out.append(f % a)
        except (ValueError, TypeError, OverflowError) as e:
            key = type(e).__name__ + ": " + str(e)
            errors[key] = errors.get(key, 0) + 1
    return out, errors


def assemble(n):
    total = 0
    last = ""
    for i in range(n):
        w = "é" if i % 500 == 0 else "w"
        long = "x" * (i % 70)
        last = f"{w}{i}:{long}{i:>5}|{w * 3}"
        total += len(last)
    return total, last


a = field_types(3000)
print(len(a), a[:3], a[-15:])
b, e = field_specs(3000)
print(len(b), b[:3], b[1500:1540])
for k in sorted(e):
    print(k, e[k])
c, e = percent(3000)
print(len(c), c[:3], c[1500:1530])
for k in sorted(e):
    print(k, e[k])
print(assemble(3000))
try:
    for i in range(2000):
        x = f"{i:d}" if i < 1900 else f"{'s':d}"
except ValueError as e:
    print("ValueError", e, i)
try:
    for i in range(2000):
        x = "%d" % (i if i < 1900 else "s")
except TypeError as e:
    print("TypeError", e, i)


def float_fields(n):
    vals = [0.1, 1e16, 1e-7, -0.0, float("inf"), float("nan"), 2.5, 1 / 3, 123456789.123, 1e22, 5e-324]
    out = []
    for i in range(n):
        x = vals[i % len(vals)] * (1 if i < 2000 else -1) if i != 2500 else 7
        out.append(f"{x}")
    return out


f = float_fields(3000)
print(f[:11], f[1995:2010], f[2500])
