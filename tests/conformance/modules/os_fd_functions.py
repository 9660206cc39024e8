import os, tempfile
d = tempfile.mkdtemp()
p = os.path.join(d, "f.bin")
fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b"hello world"), os.fstat(fd).st_size)
os.close(fd)
fd = os.open(p, os.O_RDONLY)
print(os.read(fd, 5), os.lseek(fd, 6, os.SEEK_SET), os.read(fd, 100), os.read(fd, 10))
fd2 = os.dup(fd)
os.close(fd)
print(os.lseek(fd2, 0, os.SEEK_SET), os.read(fd2, 3))
os.close(fd2)
try:
    os.close(fd2)
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
except FileExistsError as e:
    print("FileExistsError", e.errno, e.filename == p)
try:
    os.open(os.path.join(d, "missing"), os.O_RDONLY)
except FileNotFoundError as e:
    print("FileNotFoundError", e.strerror)
fd = os.open(p, os.O_RDWR)
with os.fdopen(fd, "r+b") as f:
    print(f.read(5), f.name == fd)
    os.ftruncate(f.fileno(), 3)
print(open(p, "rb").read())
with open(p, "w", opener=lambda path, flags: os.open(path, flags, 0o600)) as f:
    f.write("via opener")
print(open(p).read(), oct(os.stat(p).st_mode & 0o777))
fd = os.open(p, os.O_RDONLY)
f = open(fd, closefd=False)
print(f.read(3))
f.close()
print(os.read(fd, 4))
os.close(fd)
try:
    open(p, closefd=False)
except ValueError as e:
    print("ValueError", e)
old = os.umask(0o022)
print(os.umask(old) == 0o022)
os.remove(p)
os.rmdir(d)
print(os.path.exists(d))
