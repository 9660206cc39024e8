# io.BytesIO: read/write/seek/readline/truncate/getvalue, context manager, errors; io constants.
import io

b = io.BytesIO(b"line one\nline two\nlast")
print(b.read(4), b.tell(), b.readline(), b.readlines(), b.read(), b.tell())
b.seek(0)
print([l for l in b], b.seek(-4, io.SEEK_END), b.read())
w = io.BytesIO()
print(w.write(b"hello"), w.write(bytearray(b" world")), w.getvalue(), w.tell())
w.seek(6)
w.write(b"W")
print(w.getvalue(), w.truncate(5), w.getvalue(), w.seek(10), w.write(b"!"), w.getvalue())
with io.BytesIO(b"abc") as f:
    print(f.read(1), f.readable(), f.writable(), f.seekable(), bytes(f.getbuffer()))
print("closed:", f.closed)
for bad in [lambda: f.read(), lambda: io.BytesIO().write("str"), lambda: io.BytesIO().seek(-1), lambda: io.BytesIO().fileno()]:
    try:
        bad()
    except (ValueError, TypeError, io.UnsupportedOperation) as e:
        print(type(e).__name__, e)
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, issubclass(io.UnsupportedOperation, OSError), isinstance(io.BytesIO(), io.BufferedIOBase))
s = io.StringIO()
s.write("text")
print(s.getvalue(), type(s).__name__, type(io.BytesIO()).__name__)
