# `s += t` and `s = s + t` append in place when `s` holds the only
# reference: every other holder of the old str must still see the old text.

def build(n, piece):
    s = ""
    for i in range(n):
        s += piece
    return s

def build_plus(n):
    s = "start:"
    for i in range(n):
        s = s + str(i % 10)
    return s

r = build(100, "ab")
print(len(r), r[:6], r[-4:], hash(r) == hash("ab" * 100), r == "ab" * 100)
r = build(50, "é€")
print(len(r), r[:4], r == "é€" * 50, len(r.encode()))
print(build_plus(45))

# Crossing the inline/heap boundary one character at a time, with the hash
# asked for in between (it must be computed again after each append).
s = ""
seen = set()
for i in range(80):
    s += chr(97 + i % 26)
    seen.add(s)
    assert hash(s) == hash(s[:]) and s in seen
print(len(seen), s[30:45])

# Other holders keep the old value.
s = "abc" * 20
alias = s
s += "X"
print(alias[-3:], s[-3:], alias is s, len(alias), len(s))
lst = []
s = "q" * 40
for i in range(5):
    lst.append(s)
    s += str(i)
print(lst)
d = {}
s = "key"
for i in range(4):
    d[s] = i
    s += "!"
print(d, s)
t = ("p" * 39,)
s = t[0]
s += "z"
print(t, s)

# s += s, and the right operand shared.
s = "ab" * 30
s += s
print(len(s), s[:4])
piece = "k" * 50
s = "x" * 50
for i in range(3):
    s += piece
print(len(s), len(piece), piece == "k" * 50)

# Module-level variable (globals dict holds it), read by a function.
def show():
    return len(g)

g = ""
for i in range(200):
    g += "xy"
    if i % 50 == 0:
        print(show(), g[-2:])
keep = g
g += "END"
print(len(keep), keep[-2:], len(g), g[-3:])

# Errors are unchanged.
s = "a"
try:
    s += 1
except TypeError as e:
    print(type(e).__name__, e)
print(s)

# A str subclass is not changed in place.
class S(str):
    pass

s = S("base")
s += "!"
print(type(s).__name__, s)

# Surrogates made by the program keep their meaning.
s = "lone"
for i in range(3):
    s += "\udc80"
print(ascii(s), len(s))
s += "ok"
print(ascii(s), s.encode("utf-8", "surrogateescape"))
