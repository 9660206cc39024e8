# int(), float() and str() of one argument in compiled loops: strs,
# bytes, objects with __int__/__index__/__float__/__str__, subclasses,
# and the errors of each.

class I:
    def __int__(self):
        return 42
    def __repr__(self):
        return "I()"
class X:
    def __index__(self):
        return 7
    def __repr__(self):
        return "X()"
class F:
    def __float__(self):
        return 2.5
    def __repr__(self):
        return "F()"
class S:
    def __str__(self):
        return "S!"
class MyStr(str):
    pass
class T:
    def __str__(self):
        return MyStr("sub")
class MyInt(int):
    pass
class BadStr:
    def __str__(self):
        return 5

values = ["12", " -7 ", "1_000", "0x10", "3.5", "", "١٢", b"42", bytearray(b"9"), 4.75, -0.0, True, 2 ** 70,
          I(), X(), F(), S(), T(), MyInt(5), MyStr("77"), None, [1], "1e3", "nan", "-inf", "  2.5  ", BadStr()]

def convert(vals, conv):
    out = []
    for v in vals:
        try:
            r = conv(v)
            out.append((type(r).__name__, r))
        except Exception as e:
            out.append((type(e).__name__, str(e)))
    return out

for _ in range(3):
    a = convert(values, int)
    b = convert(values, float)
    c = convert(values, str)
print(a)
print(b)
print(c)

def parse_lines(lines):
    total = 0
    ftotal = 0.0
    names = []
    for ln in lines:
        x, y, z = ln.split(",")
        total += int(x)
        ftotal += float(y)
        names.append(str(len(z)) + z)
    return total, ftotal, names[-3:]

lines = ["%d,%f,%s" % (i, i / 4, "n" * (i % 5)) for i in range(300)]
print(parse_lines(lines))
try:
    print(parse_lines(lines + ["1,2,ok", "x,3,bad"]))
except ValueError as e:
    print("ValueError", e)

def digits(n):
    s = 0
    for i in range(n):
        s += len(str(i * i)) + int(str(i)[-1])
    return s

print(digits(2000))
t = T()
print(str(t), type(str(t)).__name__, "%s|%s" % (t, str(t) + "!"), f"{t}|{t!s}", "{}".format(t))
try:
    print(str(BadStr()))
except TypeError as e:
    print("TypeError", e)
