import tempfile, shutil, os
d = tempfile.mkdtemp(prefix="spry_")
print(os.path.isdir(d), os.path.basename(d).startswith("spry_"))
fd, path = tempfile.mkstemp(suffix=".txt", dir=d)
os.write(fd, b"hello\n"); os.close(fd)
print(open(path).read(), end="")
with tempfile.NamedTemporaryFile("w+", dir=d, delete=True) as f:
    f.write("abc"); f.seek(0); print(f.read(), os.path.exists(f.name))
print(os.path.exists(f.name))
with tempfile.TemporaryFile() as f:
    f.write(b"xyz"); f.seek(0); print(f.read())
with tempfile.TemporaryDirectory() as td:
    p = os.path.join(td, "a", "b")
    os.makedirs(p)
    with open(os.path.join(p, "f.txt"), "w") as fh: fh.write("data")
    shutil.copy(os.path.join(p, "f.txt"), os.path.join(td, "g.txt"))
    shutil.copytree(os.path.join(td, "a"), os.path.join(td, "c"))
    print(sorted(os.listdir(td)), open(os.path.join(td, "c", "b", "f.txt")).read())
    shutil.move(os.path.join(td, "g.txt"), os.path.join(td, "h.txt"))
    print(sorted(os.listdir(td)))
    shutil.rmtree(os.path.join(td, "c"))
    print(sorted(os.listdir(td)))
print(os.path.exists(td))
with tempfile.SpooledTemporaryFile(max_size=10, mode="w+b") as sf:
    sf.write(b"short"); sf.seek(0); print(sf.read(), sf._rolled)
    sf.write(b"0123456789"); print(sf._rolled)
print(shutil.which("sh") is not None, shutil.get_terminal_size().columns > 0)
print(tempfile.gettempdir(), type(tempfile.gettempprefix()).__name__)
shutil.rmtree(d)
print(os.path.exists(d))
try:
    shutil.rmtree("/nonexistent/spry")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
