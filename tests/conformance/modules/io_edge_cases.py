# I/O edge cases: os.read of a huge size and a StringIO write far past its end are
# MemoryErrors; binary files take any buffer (Path.write_bytes); a negative truncate
# size is an error and leaves the file alone.
import os, tempfile
_tmp = tempfile.TemporaryDirectory()
os.chdir(_tmp.name)
import io, os
from pathlib import Path
with open('a.txt', 'w') as f:
    f.write('abc')
fd = os.open('a.txt', os.O_RDONLY)
try:
    print(os.read(fd, 2**40))
except MemoryError:
    print('MemoryError')
print(os.read(fd, 2), os.read(fd, 100), os.read(fd, 5))
os.close(fd)
s = io.StringIO()
s.seek(2**40)
try:
    s.write('x')
except MemoryError:
    print('MemoryError')
s.seek(5)
print(s.write('yz'), repr(s.getvalue()))
print(Path('a.bin').write_bytes(b'ab'), Path('a.bin').read_bytes())
with open('b.bin', 'wb') as f:
    print(f.write(memoryview(b'xy')), f.write(bytearray(b'z')))
    try:
        f.write('str')
    except TypeError as e:
        print(e)
print(open('b.bin', 'rb').read())
with open('a.txt', 'w') as f:
    f.write('abcdefgh')
with open('a.txt', 'r+') as f:
    try:
        print(f.truncate(-1))
    except OSError as e:
        print('OSError', e)
    print(f.truncate(3))
print(os.path.getsize('a.txt'))
s = io.StringIO('abc')
try:
    print(s.truncate(-1))
except ValueError as e:
    print('ValueError', e)
print(s.truncate(1), repr(s.getvalue()))
os.chdir('/')
_tmp.cleanup()
