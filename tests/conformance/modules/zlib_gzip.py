# zlib (the system library through libz-sys: the bytes CPython makes), its
# stream objects and errors; gzip over it, with the io classes over Python
# raw streams (CPython's _pyio BufferedReader/BufferedWriter).
import zlib, gzip
data = b"hello hello hello world " * 1000 + bytes(range(256)) * 10
for level in (-1, 0, 1, 6, 9):
    c = zlib.compress(data, level)
    print(level, len(c), c[:12], zlib.decompress(c) == data)
print(zlib.compress(b""), zlib.compress(b"abc", wbits=-15), zlib.compress(b"abc", wbits=31)[:4])
print(zlib.crc32(b"hello"), zlib.crc32(b"world", zlib.crc32(b"hello ")), zlib.crc32(b"hello world"), zlib.adler32(b"hello"), zlib.crc32(b"x", -1), zlib.crc32(b"", 2**40+5))
c = zlib.compressobj(9, zlib.DEFLATED, -15)
out = c.compress(data[:5000]) + c.compress(data[5000:]) + c.flush()
print(len(out), zlib.decompress(out, -15) == data)
c = zlib.compressobj()
a = c.compress(b"part one ")
b = c.flush(zlib.Z_SYNC_FLUSH)
print(a, b)
c2 = c.copy()
print(c.flush() == c2.flush())
d = zlib.decompressobj()
comp = zlib.compress(data) + b"TRAILING"
res = b""
for i in range(0, len(comp), 100):
    res += d.decompress(comp[i:i+100])
print(res == data, d.eof, d.unused_data, d.unconsumed_tail)
d = zlib.decompressobj()
first = d.decompress(zlib.compress(data), 1000)
print(len(first), len(d.unconsumed_tail) > 0, d.eof)
rest = d.decompress(d.unconsumed_tail)
print(first + rest == data, d.eof)
d = zlib.decompressobj()
x = d.decompress(zlib.compress(data)[:50])
print(len(x), len(x + d.flush()))
zd = b"hello world"
c = zlib.compressobj(zdict=zd); z = c.compress(b"hello world hello") + c.flush()
d = zlib.decompressobj(zdict=zd); print(d.decompress(z))
try:
    zlib.decompress(z)
except zlib.error as e:
    print("error:", e)
tests = [lambda: zlib.compress(b'x', 10), lambda: zlib.compress(b'x', wbits=99), lambda: zlib.decompress(b'garbage'), lambda: zlib.decompress(zlib.compress(b'hello')[:-3]), lambda: zlib.decompress(b'x', wbits=99), lambda: zlib.compressobj(level=42), lambda: zlib.decompressobj(wbits=99), lambda: zlib.decompressobj().flush(0), lambda: zlib.compress('str'), lambda: zlib.crc32('s')]
for t in tests:
    try: t()
    except Exception as e: print(type(e).__module__, type(e).__name__, e)
print(zlib.ZLIB_VERSION == zlib.ZLIB_RUNTIME_VERSION, zlib.ZLIB_VERSION.count(".") == 2, type(zlib.compressobj()).__name__, type(zlib.decompressobj()).__name__, issubclass(zlib.error, Exception))
print(gzip.compress(b"gzip data", mtime=0))
print(gzip.decompress(gzip.compress(data, mtime=0)) == data)
print(zlib.decompress(gzip.compress(b"abc", mtime=0), 31))

import io, os, tempfile
data = b"line %d of the file\n"
payload = b"".join(data % i for i in range(2000))
d = tempfile.mkdtemp()
path = os.path.join(d, "t.gz")
with gzip.open(path, "wb") as f:
    f.write(payload[:1000])
    f.write(payload[1000:])
print(os.path.getsize(path) < len(payload))
with gzip.open(path, "rb") as f:
    print(f.read() == payload)
with gzip.open(path) as f:
    print(f.readline(), f.read(10), f.tell())
    f.seek(0)
    print(sum(1 for _ in f))
with open(path, "rb") as raw:
    print(gzip.decompress(raw.read()) == payload)
g = gzip.GzipFile(fileobj=io.BytesIO(gzip.compress(b"abc\ndef\n", mtime=0)))
print(g.readlines())
b = io.BytesIO()
with gzip.GzipFile(fileobj=b, mode="wb", mtime=0) as g:
    g.write(b"into bytesio")
print(b.getvalue())
try:
    gzip.decompress(b"not gzip")
except gzip.BadGzipFile as e:
    print("BadGzipFile:", e)
print(isinstance(open(path, "rb"), io.BufferedReader), isinstance(open(path, "rb"), io.IOBase), isinstance(open(path), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase))
class R(io.RawIOBase):
    def __init__(self): self.n = 0
    def readable(self): return True
    def readinto(self, b):
        if self.n >= 3: return 0
        self.n += 1
        b[0:2] = b"ab"
        return 2
print(R().read(), R().readall(), io.BufferedReader(R()).read())
import shutil; shutil.rmtree(d)
