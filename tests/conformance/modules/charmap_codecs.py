# The single-byte "charmap" codecs (cp1252, iso8859-15, koi8-r, mac-roman,
# cp437 ...): every byte of every code page, names and aliases, encode and
# decode errors under each error handler, and text files in a code page.
import codecs
import os
import tempfile


def show(label, f, *args):
    try:
        print(label, ascii(f(*args)))
    except Exception as e:
        print(label, type(e).__name__, ascii(str(e)))


def err_details(label, f, *args):
    try:
        print(label, ascii(f(*args)))
    except UnicodeError as e:
        print(label, type(e).__name__, e.encoding, ascii(e.object), e.start, e.end, e.reason)
        print("   ", ascii(str(e)))
    except Exception as e:
        print(label, type(e).__name__, ascii(str(e)), type(e.__cause__).__name__,
              e.__suppress_context__)


CODECS = ["cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256",
          "cp1257", "cp1258", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_5",
          "iso8859_6", "iso8859_7", "iso8859_8", "iso8859_9", "iso8859_10",
          "iso8859_11", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16",
          "koi8_r", "koi8_u", "mac_roman", "cp437", "cp850", "cp852", "cp866"]
ALL = bytes(range(256))

# Every byte of every code page: a digest of what they decode to, the
# undefined ones, and the round trip back.
for name in CODECS:
    text = ALL.decode(name, "replace")
    digest = sum((i + 1) * ord(c) for i, c in enumerate(text)) % 1000000007
    undefined = [i for i, c in enumerate(text) if c == "\ufffd"]
    esc = ALL.decode(name, "surrogateescape")
    back = esc.encode(name, "surrogateescape")
    defined = bytes(b for b in ALL if b not in undefined)
    print(name, codecs.lookup(name).name, digest, len(undefined), ascii(bytes(undefined)),
          back == ALL, defined.decode(name).encode(name) == defined)

# The high half of a few, character by character.
for name in ["cp1252", "iso8859_15", "koi8_r", "mac_roman", "cp437", "cp866"]:
    print(name, ascii(ALL[128:].decode(name, "replace")))

# Names: case, '-' / '_' / ' ', aliases, and names CPython does not know.
for n in ["cp1252", "CP1252", "windows-1252", "Windows_1252", "1252", "windows--1252",
          " cp1252 ", "latin2", "L2", "iso-8859-2", "ISO_8859-2:1987", "iso8859-15",
          "iso-8859-15", "latin9", "iso.8859.15", "ISO 8859 15", "koi8-r", "KOI8_R",
          "cskoi8r", "koi8-u", "macroman", "mac-roman", "mac_roman", "Mac Roman",
          "macintosh", "cp437", "IBM437", "437", "cp850", "ibm852", "866", "greek",
          "hebrew", "cyrillic", "arabic", "thai", "latin10", "iso-ir-100",
          "latin-2", "cp-1252", "iso8859.15", "cp1252.", "latin 2", "iso8859_12",
          "koi8", "windows-1259"]:
    show("lookup %r" % n, lambda n: codecs.lookup(n).name, n)
    show("encode %r" % n, lambda n: "A\u20ac".encode(n, "replace"), n)

# The examples.
show("euro", "\u20ac".encode, "cp1252")
show("0x80", b"\x80".decode, "cp1252")
show("iso8859-15", b"\xa4\xa6\xbc".decode, "iso8859-15")
show("koi8_r", "\u041f\u0440\u0438\u0432\u0435\u0442".encode, "koi8_r")
show("koi8_r x", "x".encode, "koi8_r")
show("mac_roman", "\u00e9\u2122\uf8ff".encode, "mac_roman")
show("cp437 box", "\u2554\u2550\u2557".encode, "cp437")
show("cp1251", "\u0416\u0436".encode, "cp1251")
show("bytes()", bytes, "caf\u00e9", "cp1252")
show("str()", str, b"caf\xe9", "cp1252")
show("bytearray", bytearray(b"\x9c\x9f").decode, "cp1252")
show("codecs.encode", codecs.encode, "\u0160", "cp1250")
show("codecs.decode", codecs.decode, b"\x8a", "cp1250")
show("encode kw", lambda: "\u20ac".encode(encoding="cp1252", errors="strict"))
show("decode kw", lambda: b"\x80".decode(encoding="cp1252", errors="strict"))
show("empty", "".encode, "cp1252")
show("empty d", b"".decode, "cp1252")
info = codecs.lookup("windows-1252")
show("CodecInfo.encode", info.encode, "\u20ac!")
show("CodecInfo.decode", info.decode, b"\x80!")

# Encode errors: the run of characters the code page lacks is one error.
samples = ["a\u20acb\u0100\u0101c\u0102", "a\udc81\udc82b", "a\udc41b", "\ufffe", "\U0001f600x",
           "\u00ff\u0100"]
for name in ["cp1252", "iso8859_15", "koi8_r"]:
    for s in samples:
        err_details("encode %s %s" % (name, ascii(s)), s.encode, name)
        for h in ["ignore", "replace", "backslashreplace", "xmlcharrefreplace",
                  "surrogateescape", "surrogatepass", "namereplace", "bogus"]:
            err_details("  %s" % h, s.encode, name, h)

# Decode errors: each undefined byte is one error.
for name, data in [("cp1252", b"a\x81\x8d\x80b"), ("cp1253", b"\xaa\xd2\xff"),
                   ("iso8859_6", b"x\xa1\xa4\xa5"), ("cp1255", b"\xd9\xda\xfb\xfc\xfd")]:
    err_details("decode %s %s" % (name, ascii(data)), data.decode, name)
    for h in ["ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass",
              "xmlcharrefreplace", "namereplace", "bogus"]:
        err_details("  %s" % h, data.decode, name, h)
err_details("bogus unused", "abc".encode, "cp1252", "bogus")
err_details("bogus unused d", b"abc".decode, "cp1252", "bogus")
err_details("windows-1252 bogus", "\u0100".encode, "Windows-1252", "bogus")
err_details("str() bogus", str, b"\x81", "latin2", "xmlcharrefreplace")
err_details("bytes() bogus", bytes, "\u0100", "koi8-r", "bogus")
err_details("str() strict", str, b"\x81", "cp1252")

# surrogateescape round-trips undefined bytes.
s = b"\x81\x8d\x8f\x90\x9d".decode("cp1252", "surrogateescape")
print(ascii(s), s.encode("cp1252", "surrogateescape"))

# Long text: encode and decode stay linear.
long_text = "caf\u00e9 \u20ac\u2122 \u0160" * 20000
data = long_text.encode("cp1252")
print(len(data), data[:16], data.decode("cp1252") == long_text)
cyr = "\u041f\u0440\u0438\u0432\u0435\u0442 " * 20000
print(len(cyr.encode("koi8_r")), cyr.encode("koi8_r").decode("koi8_r") == cyr)
bad = "\u4e2d" * 50000
show("long bad", lambda: len(bad.encode("cp1252", "replace")))
try:
    bad.encode("cp1252")
except UnicodeEncodeError as e:
    print("long bad strict", e.start, e.end, len(e.object), e.reason)

# Text files in a code page.
old = os.getcwd()
with tempfile.TemporaryDirectory() as d:
    os.chdir(d)
    try:
        with open("t.txt", "w", encoding="cp1252") as f:
            print("encoding", f.encoding)
            f.write("caf\u00e9 \u20ac10\n")
            f.write("\u201cquoted\u201d \u2013 dash\n")
        with open("t.txt", "rb") as f:
            print(f.read())
        with open("t.txt", encoding="cp1252") as f:
            print(ascii(f.read()))
        with open("t.txt", encoding="windows-1252") as f:
            print([ascii(line) for line in f])
        with open("t.txt", encoding="cp1252") as f:
            print(ascii(f.readline()), ascii(f.read(3)))
        with open("t.txt", encoding="latin-1") as f:
            print(ascii(f.read()))
        # Writing what the code page lacks.
        with open("u.txt", "w", encoding="cp1252") as f:
            try:
                f.write("\u0100")
                f.flush()
            except UnicodeEncodeError as e:
                print("write", e.encoding, e.start, e.end, e.reason)
        with open("v.txt", "w", encoding="cp1252", errors="replace") as f:
            f.write("a\u0100b\u20ac")
        with open("v.txt", "rb") as f:
            print(f.read())
        # Reading undefined bytes.
        with open("w.bin", "wb") as f:
            f.write(b"ok\x81\x8dend\n")
        try:
            with open("w.bin", encoding="cp1252") as f:
                f.read()
        except UnicodeDecodeError as e:
            print("read", e.encoding, e.start, e.end, e.reason)
        for h in ["replace", "ignore", "surrogateescape", "backslashreplace"]:
            with open("w.bin", encoding="cp1252", errors=h) as f:
                print(h, ascii(f.read()))
        with open("k.txt", "w", encoding="koi8-r") as f:
            f.write("\u041f\u0440\u0438\u0432\u0435\u0442\n")
        with open("k.txt", "rb") as f:
            print(f.read())
        with open("k.txt", encoding="koi8_r") as f:
            print(ascii(f.read()))
        show("open unknown", lambda: open("nowhere.txt", "w", encoding="cp-1252"))
    finally:
        os.chdir(old)
