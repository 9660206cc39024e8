# str.split with a one-character ASCII separator (the byte-scan fast path):
# empty pieces, separators at the ends, non-ASCII text around the
# separator, lengths around the inline-text limit, str subclasses.
cases = ["u0001;oslo;view;12.5", "", ";", ";;", "a;", ";a", "a;;b", "no separator here",
         "é;ü;日本;x", "ascii;naïve;café;", "𝔘;𝔙", "a" * 21 + ";" + "b" * 22 + ";" + "c" * 23,
         "\x00;\x7f;\x80"]
for s in cases:
    parts = s.split(";")
    print(len(parts), parts, [len(p) for p in parts], ";".join(parts) == s)
    print(s.split("\n"), s.split(";", 1), s.rsplit(";"))
for sep in [",", " ", "\t", "é", "ab"]:
    print(repr(sep), "a,b c\td é f ab g".split(sep))

class S(str):
    pass

parts = S("x;y;z").split(";")
print(parts, [type(p).__name__ for p in parts])
print("a;b".split(S(";")))

# Pieces are ordinary strs: hashing, comparison, dict keys, indexing.
d = {}
for w in "oslo;lima;oslo;cairo;lima;oslo".split(";"):
    d[w] = d.get(w, 0) + 1
print(sorted(d.items()), "oslo" in d, hash("oslo") == hash("oslo;x".split(";")[0]))
nonascii = "héllo;wörld".split(";")
print(nonascii[0][1], nonascii[1][-1], len(nonascii[1]), nonascii[1].upper(), nonascii[0] == "héllo")
try:
    "a;b".split("")
except ValueError as e:
    print("ValueError:", e)
try:
    "a;b".split(5)
except TypeError as e:
    print("TypeError:", e)
