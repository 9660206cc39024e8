# sys.stdout.buffer / sys.stdin.buffer and a text file's buffer: binary
# streams under the text ones (flushed around mixed use, as CPython needs).
import io
import os
import sys
import tempfile

print("text first")
sys.stdout.flush()
sys.stdout.buffer.write(b"bytes second\n")
sys.stdout.buffer.write(bytes([0x41, 0x42, 0x0a]))
sys.stdout.buffer.flush()
print("text third", sys.stdout.buffer is sys.stdout.buffer, sys.stdout.buffer.mode, sys.stdin.buffer.mode)
print(repr(sys.stdin.buffer.readline()), repr(sys.stdin.buffer.read()))
print(isinstance(sys.stdout.buffer, io.BufferedIOBase), sys.stdout.buffer.writable(), sys.stdout.buffer.fileno())
d = tempfile.mkdtemp()
p = os.path.join(d, "f.txt")
with open(p, "w") as f:
    f.write("text ")
    f.flush()
    f.buffer.write(b"raw ")
    f.buffer.flush()
    f.write("more\n")
print(open(p, "rb").read())
with open(p) as f:
    print(f.buffer.mode, f.buffer.read(4))
try:
    io.StringIO().buffer
except AttributeError as e:
    print("AttributeError:", e)
os.remove(p)
os.rmdir(d)
# A PBM image written as bytes, as the benchmarks game's mandelbrot does.
w = h = 8
sys.stdout.write("P4\n%d %d\n" % (w, h))
sys.stdout.flush()
sys.stdout.buffer.write(bytes((x * 37) & 0xff for x in range(h * ((w + 7) // 8))))
sys.stdout.buffer.flush()
print()
