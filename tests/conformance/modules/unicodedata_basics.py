# unicodedata: names, properties, decimal values, normalization, error
# messages, and re's \N{NAME} escapes. Characters are from long-assigned
# blocks, so newer Unicode data than CPython 3.11's 14.0 gives the same answers.
import unicodedata as ud
import re


def show(label, f, *args):
    try:
        print(label, repr(f(*args)))
    except Exception as e:
        print(label, type(e).__name__, e)


print(ud.unidata_version)

# names and lookup
for ch in ["A", "a", "é", "€", "中", "가", "ß", "\u2028", "½", "😀", "\u0301"]:
    show("name", ud.name, ch)
show("name ctl", ud.name, "\x07")
show("name default", ud.name, "\x07", "<none>")
show("name default unused", ud.name, "x", "<none>")
for nm in ["LATIN SMALL LETTER A", "latin small letter sharp s", "EURO SIGN", "EM DASH",
           "CJK UNIFIED IDEOGRAPH-4E2D", "HANGUL SYLLABLE GA", "SNOWMAN", "NO SUCH THING"]:
    show("lookup", ud.lookup, nm)
show("lookup long", ud.lookup, "X" * 300)
for ch in ["x", "€", "中"]:
    assert ud.lookup(ud.name(ch)) == ch

# properties
chars = ["A", "z", "5", " ", "\n", "é", "\u0301", "\u0327", "(", ")", "<", "∑", "«", "€",
         "中", "ｱ", "Ａ", "α", "א", "ب", "٣", "\u200d", "\ue000", "_", "-", "Ⅻ", "½"]
for ch in chars:
    print(ascii(ch), ud.category(ch), repr(ud.bidirectional(ch)), ud.combining(ch),
          ud.east_asian_width(ch), ud.mirrored(ch))

# decimal
for ch in ["0", "7", "٣", "९", "\uff15", "\U0001d7d9", "a", "½", "²"]:
    show("decimal " + ascii(ch), ud.decimal, ch)
    show("decimal default " + ascii(ch), ud.decimal, ch, None)

# normalization
samples = ["café", "cafe\u0301", "ﬁ", "Å", "A\u030a", "①", "\u1e9b\u0323", "한", "ｶﾞ", "plain"]
for form in ["NFC", "NFD", "NFKC", "NFKD"]:
    for s in samples:
        n = ud.normalize(form, s)
        print(form, ascii(s), ascii(n), len(n), ud.is_normalized(form, s), ud.is_normalized(form, n))
print(ud.normalize("NFC", "") == "")

# errors
show("category str", ud.category, "ab")
show("category empty", ud.category, "")
show("category int", ud.category, 1)
show("bidirectional", ud.bidirectional, 2)
show("combining", ud.combining, "")
show("east_asian_width", ud.east_asian_width, "xy")
show("mirrored", ud.mirrored, None)
show("category none", ud.category)
show("category two", ud.category, "a", "b")
show("name int", ud.name, 1)
show("name none", ud.name)
show("name three", ud.name, "a", 1, 2)
show("decimal str", ud.decimal, "ab")
show("decimal bad", ud.decimal, "x")
show("lookup int", ud.lookup, 1)
show("lookup none", ud.lookup)
show("normalize form", ud.normalize, "NFX", "a")
show("normalize arg1", ud.normalize, 1, "a")
show("normalize arg2", ud.normalize, "NFC", 1)
show("is_normalized form", ud.is_normalized, "nfc", "a")
try:
    ud.category(c="a")
except TypeError as e:
    print("TypeError", e)
try:
    ud.lookup("NOT A CHARACTER NAME")
except KeyError as e:
    print("KeyError", e)

# re: \N{NAME}
print(re.findall(r"\N{EM DASH}+", "a—b——c"))
print(re.sub(r"[\N{LATIN SMALL LETTER A}-\N{LATIN SMALL LETTER C}]", "*", "abcdef"))
print(re.fullmatch(r"caf\N{latin small letter e with acute}", "café") is not None)
for pat in [r"x\N{NO SUCH NAME}", r"\N{EM DASH", r"\N"]:
    try:
        re.compile(pat)
    except re.error as e:
        print("re.error", e)
try:
    re.compile(rb"\N{EM DASH}")
except re.error as e:
    print("re.error", e)

# str subclasses, algorithmic names, keyword arguments
class S(str):
    pass

print(type(ud.normalize("NFC", S("abc"))).__name__, ud.category(S("x")))
show("lookup hangul lower", ud.lookup, "hangul syllable gag")
show("lookup cjk lower hex", ud.lookup, "CJK UNIFIED IDEOGRAPH-4e2d")
show("lookup cjk lower prefix", ud.lookup, "cjk unified ideograph-4E2D")
show("lookup bytes", ud.lookup, b"EM DASH")
for f in [lambda: ud.name("a", default=1), lambda: ud.normalize(form="NFC", unistr="a")]:
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
