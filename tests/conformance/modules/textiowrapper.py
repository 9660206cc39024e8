# io.TextIOWrapper over Python binary streams (BytesIO, gzip) and over Spry's
# own binary files (sys.stdout.buffer, open(..., 'rb')); text-mode
# SpooledTemporaryFile.
import io, sys, gzip, os, tempfile
b = io.BytesIO("héllo\nwörld\r\nthird\rfourth\nlast".encode())
t = io.TextIOWrapper(b, encoding="utf-8")
print(repr(t.readline()), repr(t.read(3)), repr(t.readline()), t.encoding, t.errors)
print(list(t))
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding="utf-8", newline="\r\n")
t.write("a\nb\n")
t.flush()
print(b.getvalue())
t = io.TextIOWrapper(io.BytesIO(b"x\r\ny\n"), newline="")
print(list(t))
d = tempfile.mkdtemp(); p = os.path.join(d, "t.gz")
with gzip.open(p, "wt", encoding="utf-8") as f:
    f.write("text line 1\nline 2\n")
with gzip.open(p, "rt") as f:
    print(f.read())
with gzip.open(p, "rt") as f:
    print([l for l in f])
out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8")
sys.stdout.flush()
out.write("through a wrapper of sys.stdout.buffer\n")
out.flush()
raw = open(p, "rb")
tw = io.TextIOWrapper(raw, encoding="latin-1")
print(type(tw).__name__, tw.name == p, repr(tw.read(3)))
try:
    io.TextIOWrapper(io.BytesIO(), newline="x")
except ValueError as e:
    print("ValueError:", e)
try:
    io.TextIOWrapper(io.BytesIO(), encoding="no-such-codec")
except LookupError as e:
    print("LookupError:", e)
try:
    io.TextIOWrapper()
except TypeError as e:
    print("TypeError:", e)
import tempfile
with tempfile.SpooledTemporaryFile(mode="w+") as s:
    s.write("spooled\n")
    s.seek(0)
    print(repr(s.read()))
import shutil; shutil.rmtree(d)
