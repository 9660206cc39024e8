for s in ["abc", "tab\there\n", "back\\slash", "é€😀", "\x00\x7f\x80\xff", "quote'\"", "\ud800x"]:
    for enc in ("unicode_escape", "raw_unicode_escape"):
        try:
            b = s.encode(enc)
            print(enc, b, b.decode(enc) == s)
        except Exception as e:
            print(enc, type(e).__name__, e)
for b in [b"\\u00e9", b"\\\\u00e9", b"\\\\\\u00e9", b"a\\x41\\101\\n\\q", b"\\U0001F600", b"\\u12", b"\\x4", b"\\", b"\\U00110000", b"caf\xe9", b"line\\\ncont", b"\\N", b"\\N{LATIN SMALL LETTER E WITH ACUTE}!", b"\\N{NOPE}", b"\\N{x"]:
    for enc in ("unicode_escape", "raw_unicode_escape"):
        try:
            print(enc, repr(b.decode(enc)))
        except Exception as e:
            print(enc, type(e).__name__, e)
print(repr(b"\\u12zz".decode("unicode_escape", "replace")), repr(b"\\u12zz".decode("raw_unicode_escape", "ignore")))
