# re beyond the basics: bytes patterns, flag reprs, Pattern/Match reprs, pos/endpos, lastindex, conditionals, atomic groups, scoped flags.
import re

p = re.compile(rb"(\d+)\s*(\w+)")
m = p.search(b"xx 42 apples")
print(m, m.group(1), m.groups(), p.findall(b"1 a 2 b"), p.sub(rb"<\2:\1>", b"3 c"), p.split(b"a1 bb2 cc"))
print(re.compile(r"\w+", re.I | re.M), re.compile(b"x", re.I), re.compile("a"), re.I | re.S, re.IGNORECASE, repr(re.M))
m = re.search(r"(?P<w>\w+) (?P<n>\d+)", "at 12 and 34")
print(m, m.re.pattern, m.string, m.pos, m.endpos, m.lastindex, m.lastgroup, m.regs)
print(re.compile(r"\d").search("a1b2", 2), re.compile(r"\d").match("a1b2", 1, 2), re.compile(r"^\d").search("a1", 1))
print([mm.span() for mm in re.compile(r"\d").finditer("1a2b3", 1, 4)])
print(re.match(r"(a)?(?(1)b|c)", "ab").group(), re.match(r"(a)?(?(1)b|c)", "c").group())
print(re.match(r"(?>a+)b", "aaab").group(), re.fullmatch(r"a*+", "aaa"))
print(re.findall(r"(?i:A)a", "aa Aa aA AA"), re.findall(r"a(?-i:B)", "aB AB ab", re.I))
print(re.sub(r"(\w)(\w*)", lambda m: m.group(1).upper() + m.group(2), "hello big world"))
print(re.subn(r"\s+", " ", "a  b\t\tc\n d"), re.sub(r"\\", "/", r"a\b\c"))
print(re.split(r"\b", "ab cd"), re.split(r"(?=x)", "axbxc"), re.split(r"[,;]", "a,b;c", maxsplit=1))
print(re.findall(r"[^\s\d]+", "ab 12 cd"), re.findall(r"[\w.-]+@[\w.-]+", "x a.b@c.d, e@f.g y"))
print(re.findall(r"\d{2,3}?", "12345"), re.findall(r"(a|b)*", "abba"), re.findall(r"\Bb\B", "abc b"))
print(re.match(r"(?s).+", "a\nb").group(), re.match(r".+", "a\nb").group(), re.search(r"$", "ab\n").span(), re.search(r"\Z", "ab\n").span())
print(re.compile(r"(?x) \d + # digits").findall("1 22 333"), re.ASCII, re.findall(r"\w+", "é ü x", re.A))
print(re.escape("a-b_c d!"), re.escape(b"1.0"), re.purge())
print(re.match(r"(\d+)", "123").expand(r"[\1] \g<1> \g<0>"), re.sub(r"(x)", r"\g<1>\g<1>", "axb"))
m = re.match(r"(a)(b)?", "a")
print(m.group(0, 1, 2), m.start(2), m.span(2), m[1], m.groupdict())
try:
    m.group(5)
except IndexError as e:
    print(type(e).__name__, e)
try:
    m.group("nope")
except IndexError as e:
    print(type(e).__name__, e)
try:
    re.compile("x").search(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    re.compile(b"x").search("x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    re.sub("(?P<a>x)", r"\g<b>", "x")
except IndexError as e:
    print(type(e).__name__, e)
for bad in [r"(?<=a+)b", r"(?P<1a>x)", r"\p", r"a**", r"[z-a]", r"(?z)", r"x{,", "(?P=zz)"]:
    try:
        re.compile(bad)
        print("compiled", bad)
    except re.error as e:
        print("re.error:", e, "| pos", e.pos)
print(isinstance(re.compile("a"), re.Pattern), isinstance(re.match("a", "a"), re.Match), re.error.__name__)
