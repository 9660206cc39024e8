# os: cwd, environ, listdir/mkdir/rmdir/rename/remove/stat, walk, errors (in a temp folder of the case dir).
import os
import stat

# The process id keeps runs in parallel (the test runs several modes at once) apart.
base = f"_tmp_os_functions_dir_{os.getpid()}"
if os.path.exists(base):
    for root, dirs, files in os.walk(base, topdown=False):
        for f in files:
            os.remove(os.path.join(root, f))
        for d in dirs:
            os.rmdir(os.path.join(root, d))
    os.rmdir(base)

print("name/sep:", os.name, os.sep, os.linesep == "\n", os.pathsep, os.devnull)
print("getcwd absolute:", os.path.isabs(os.getcwd()), os.getcwd() == os.path.abspath("."))
os.mkdir(base)
print("mkdir:", os.path.isdir(base), sorted(os.listdir(base)))
os.makedirs(os.path.join(base, "a", "b", "c"))
os.makedirs(os.path.join(base, "a", "b"), exist_ok=True)
with open(os.path.join(base, "a", "f.txt"), "w") as f:
    f.write("hello")
with open(os.path.join(base, "a", "b", "g.txt"), "w") as f:
    f.write("x" * 10)
st = os.stat(os.path.join(base, "a", "f.txt"))
print("stat:", st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat(base).st_mode), st.st_mtime > 0)
print("getsize:", os.path.getsize(os.path.join(base, "a", "b", "g.txt")))
walked = []
for root, dirs, files in os.walk(base):
    walked.append((os.path.relpath(root, base), sorted(dirs), sorted(files)))
print("walk:", sorted(walked))
entries = sorted((e.name, e.is_dir(), e.is_file()) for e in os.scandir(os.path.join(base, "a")))
print("scandir:", entries)
os.rename(os.path.join(base, "a", "f.txt"), os.path.join(base, "a", "h.txt"))
print("after rename:", sorted(os.listdir(os.path.join(base, "a"))))
try:
    os.mkdir(base)
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename == base)
try:
    os.remove(os.path.join(base, "nope.txt"))
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror)
try:
    os.rmdir(os.path.join(base, "a"))
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror)
try:
    os.listdir(os.path.join(base, "missing"))
except FileNotFoundError as e:
    print(type(e).__name__, str(e).startswith("[Errno 2] No such file or directory"))
for root, dirs, files in os.walk(base, topdown=False):
    for f in files:
        os.remove(os.path.join(root, f))
    for d in dirs:
        os.rmdir(os.path.join(root, d))
os.rmdir(base)
print("cleaned:", os.path.exists(base))

os.environ["SPRY_TEST_VAR"] = "value 1"
print("environ:", os.environ["SPRY_TEST_VAR"], os.getenv("SPRY_TEST_VAR"), os.getenv("SPRY_NOT_SET_VAR", "default"))
print("environ membership:", "SPRY_TEST_VAR" in os.environ, os.environ.get("SPRY_NOT_SET_VAR"))
del os.environ["SPRY_TEST_VAR"]
print("after del:", "SPRY_TEST_VAR" in os.environ)
try:
    os.environ["X"] = 1
except TypeError as e:
    print(type(e).__name__, e)
print("fspath/fsencode:", os.fspath("p"), os.fsencode("p"), os.fsdecode(b"q"))
class P:
    def __fspath__(self):
        return "custom/path"
print("PathLike:", os.fspath(P()), os.path.join(P(), "x"), isinstance(P(), os.PathLike))
try:
    os.fspath(3)
except TypeError as e:
    print(type(e).__name__, e)
print("cpu_count positive:", os.cpu_count() > 0, "getpid int:", isinstance(os.getpid(), int))
print("urandom:", len(os.urandom(8)), type(os.urandom(2)).__name__)
print("strerror:", os.strerror(2))
