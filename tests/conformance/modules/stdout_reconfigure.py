# sys.stdout.reconfigure and friends: encoding, errors, newline, line_buffering.
import sys, io, os, tempfile
print("enc", sys.stdout.encoding)
sys.stdout.reconfigure(encoding="utf-8")
print("after", sys.stdout.encoding, sys.stdout.errors)
sys.stdout.reconfigure(errors="replace")
print("errors", sys.stdout.errors, "\udcff lone surrogate")
sys.stdout.reconfigure(encoding="ascii", errors="backslashreplace")
print("ascii:", "héllo wörld €", sys.stdout.encoding, sys.stdout.errors)
sys.stdout.write("direct ü\n")
sys.stdout.reconfigure(encoding="latin-1")
print("latin1 errors reset:", sys.stdout.errors)
try:
    print("€")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e.reason, e.start, e.end)
sys.stdout.reconfigure(encoding="utf-8", errors="strict")
print("back €")
for bad in [dict(encoding="nope"), dict(errors=3), dict(newline="x"), dict(newline=5), dict(encoding=b"x")]:
    try:
        sys.stdout.reconfigure(**bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    sys.stdout.reconfigure("utf-8")
except TypeError as e:
    print("TypeError", e)
try:
    sys.stdout.reconfigure(bogus=1)
except TypeError as e:
    print("TypeError", e)
sys.stdout.reconfigure(line_buffering=True)
print("lb", sys.stdout.line_buffering)
sys.stdout.reconfigure(line_buffering=False)
print("lb", sys.stdout.line_buffering)
sys.stderr.reconfigure(errors="replace")
print(sys.stderr.errors)
d = tempfile.mkdtemp()
p = os.path.join(d, "f.txt")
with open(p, "w") as f:
    f.reconfigure(encoding="latin-1", newline="\r\n")
    f.write("a\xe9\nb\n")
    print(f.encoding, f.errors, f.line_buffering, f.write_through)
    f.reconfigure(line_buffering=True)
    print(f.line_buffering)
print(open(p, "rb").read())
with open(p, "rb") as f:
    try:
        f.reconfigure(encoding="utf-8")
    except AttributeError as e:
        print("AttributeError", e)
# Lone surrogates through the handler of the real stdout.
sys.stdout.reconfigure(errors="surrogateescape")
print("a\udcff\udc80b")
try:
    print("x\ud800y")
except UnicodeEncodeError as e:
    print("err", e)
sys.stdout = io.StringIO()
print("\ud800")
v = sys.stdout.getvalue()
sys.stdout = sys.__stdout__
print(repr(v))
sys.stdout.reconfigure(errors="strict")
try:
    print("\udcff")
except UnicodeEncodeError as e:
    print("err", e)
sys.stdout.reconfigure(newline="\r\n")
print("crlf")
sys.stdout.reconfigure(newline=None)
print("done")
