# Files and streams as CPython's io: append mode positions, UnsupportedOperation,
# file reprs, NUL in paths, StringIO newline translation, readlines(hint),
# buffered peek/read1/readinto, print() writing piece by piece to Python
# objects, input() from a replaced sys.stdin, stdin.read(n) (in a child).
import array
import contextlib
import io
import os
import subprocess
import sys
import tempfile

tmp = tempfile.TemporaryDirectory()
os.chdir(tmp.name)

print("-- append mode")
with open('a.txt', 'w') as f:
    f.write('hello\n')
with open('a.txt', 'a') as f:
    print('a tell', f.tell())
    f.write('x\n')
    print('a tell after write', f.tell())
with open('a.txt', 'a+') as f:
    print('a+ read', repr(f.read()))
    f.seek(0)
    print('a+ read from 0', repr(f.read()))
with open('a.txt', 'ab') as f:
    print('ab tell', f.tell(), f.write(b'z'), f.tell())

print("-- unsupported operations")
for mode, op in [('w', 'read'), ('r', 'write'), ('wb', 'read'), ('rb', 'write')]:
    with open('a.txt', mode if 'r' in mode else mode) as f:
        try:
            getattr(f, op)(b'x' if op == 'write' and 'b' in mode else 'x') if op == 'write' else f.read()
        except io.UnsupportedOperation as e:
            print(mode, op, type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))
with open('a.txt', 'w') as f:
    f.write('one\ntwo\nthree\nfour\n')
f = open('a.txt')
f.close()
for op in ('read', 'readline', 'write'):
    try:
        getattr(f, op)('x') if op == 'write' else getattr(f, op)()
    except ValueError as e:
        print('closed', op, e)

print("-- reprs")
f = open('a.txt')
print(repr(f))
f.close()
print(repr(f))
for mode in ('rb', 'r+b', 'ab', 'w+'):
    with open('a.txt' if mode != 'w+' else 'w.txt', mode) as f:
        print(mode, repr(f), f.mode)
fd = os.open('a.txt', os.O_RDONLY)
with open(fd) as f:
    print(repr(f).replace(str(fd), 'FD'))
print(repr(sys.stdout), repr(sys.stderr))
print(repr(io.StringIO()).startswith('<_io.StringIO object at 0x'))

print("-- NUL in paths")
for bad in ['a\0b', b'a\0b']:
    for fn in (os.stat, os.remove, open, os.listdir, os.path.exists):
        try:
            print(fn.__name__, fn(bad))
        except ValueError as e:
            print(fn.__name__, type(e).__name__, e)

print("-- readlines(hint)")
with open('a.txt') as f:
    print(f.readlines(5))
with open('a.txt') as f:
    print(f.readlines(0), f.readlines(-1))
with open('a.txt', 'rb') as f:
    print(f.readlines(4))
print(io.StringIO('a\nbb\nccc\n').readlines(2))

print("-- StringIO newline")
s = io.StringIO('a\r\nb\rc\n', newline=None)
print(repr(s.read()), repr(s.getvalue()))
print(repr(io.StringIO('a\r\nb\rc\n', newline='').readlines()))
print(repr(io.StringIO('a\r\nb\rc\n').readlines()))
print(repr(io.StringIO('a\r\nb\rc\n', newline='\r').readlines()))
s = io.StringIO(newline='\r\n')
s.write('x\ny\n')
print(repr(s.getvalue()))
s.seek(0)
print(s.readlines())
for bad in ['x', 5]:
    try:
        io.StringIO('', newline=bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
s = io.StringIO('ab\r\ncd', newline='')
print(repr(s.readline(3)), repr(s.readline()), repr(s.readline()))

print("-- buffered reads")
with open('b.bin', 'wb') as f:
    f.write(b'abcdefgh')
with open('b.bin', 'rb') as f:
    print(f.peek(2)[:2], f.read1(3), f.read1(0), f.read1())
with open('b.bin', 'rb') as f:
    b = bytearray(3)
    print(f.readinto(b), b)
    m = memoryview(bytearray(2))
    print(f.readinto(m), bytes(m))
    a = array.array('b', [0, 0])
    print(f.readinto1(a), a)
    print(f.readinto(bytearray(10)))
    try:
        f.readinto(b'xx')
    except TypeError as e:
        print('TypeError', e)
with open('b.bin', 'wb') as f:
    try:
        f.read1()
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation', e)
    print(hasattr(f, 'peek'))
with open('b.bin') as f:
    print(hasattr(f, 'peek'), hasattr(f, 'read1'))
f = open('b.bin', 'rb')
f.close()
try:
    f.peek()
except ValueError as e:
    print('ValueError', e)


print("-- print to Python objects")
class W:
    def __init__(self):
        self.calls = []

    def write(self, s):
        self.calls.append(s)
        return len(s)

    def flush(self):
        self.calls.append('FLUSH')


w = W()
print('a', 'b', sep='-', end='!\n', file=w, flush=True)
print(w.calls)
w = W()
print(file=w)
print(1, 2.5, None, sep='', file=w)
print(w.calls)
old = sys.stdout
sys.stdout = w
print('x', 'y', flush=True)
sys.stdout = old
print(w.calls)
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print('hello', 42)
print(repr(buf.getvalue()))


class NoFlush:
    def write(self, s):
        pass


try:
    print('x', file=NoFlush(), flush=True)
except AttributeError as e:
    print('AttributeError', e)
sys.stdout = None
print('nothing')
sys.stdout = old


class Bad:
    def __str__(self):
        raise ValueError('bad str')


w = W()
try:
    print('a', Bad(), file=w)
except ValueError as e:
    print('ValueError', e, w.calls)

print("-- input() and stdin (in a child process)")
child = r'''
import sys, io
print(repr(sys.stdin.read(3)), repr(sys.stdin.read(2)), repr(sys.stdin.readline()))
old = sys.stdin
sys.stdin = io.StringIO('first line\nsecond\r\nthird')
print(input('> '), '|', repr(input()), '|', input())
try:
    input()
except EOFError as e:
    print('EOFError', e)
sys.stdin = old
print(repr(input('q? ')))
print(repr(sys.stdin.read()))
sys.stdin = None
try:
    input()
except RuntimeError as e:
    print('RuntimeError', e)
'''
r = subprocess.run([sys.executable, '-c', child], input='héllo\nworld\nrest\nmore'.encode(), capture_output=True)
print(r.returncode)
print(r.stdout.decode(), end='')
print(r.stderr.decode(), end='')
os.chdir('/')
tmp.cleanup()
