# One-character strings (shared objects in Spry, as in CPython): indexing,
# iteration, split pieces, join, chr, dict keys, concatenation.
s = "hello, world"
a = s[0]; b = "h"
print(a == b, s[1] == "e", list(s), "a;b;;c".split(";"), "x".join("abc"))
t = ""
for ch in s:
    t += ch
t += "!"
print(t, t is not s, len(t))
c = chr(65); print(c, c == "A", ord(c))
import sys
d = {}
for ch in "mississippi":
    d[ch] = d.get(ch, 0) + 1
print(d, sorted(d))
print(repr("\x00"), repr("\x7f"), "\n".split("x"), "\t".isspace())
u = "é"; print(len(u), u.encode())
