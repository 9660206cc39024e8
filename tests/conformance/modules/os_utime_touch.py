# os.utime (times, ns, errors) and pathlib's Path.touch, which uses it.
import os, tempfile
from pathlib import Path
_tmp = tempfile.TemporaryDirectory()
os.chdir(_tmp.name)
p = Path('t.txt')
p.touch()
print(p.exists(), p.stat().st_size)
p.write_text('hello')
os.utime('t.txt', (1000000000, 1500000000.5))
st = os.stat('t.txt')
print(int(st.st_atime), st.st_mtime, st.st_mtime_ns)
os.utime('t.txt', ns=(5 * 10**9, 7 * 10**9 + 3))
print(os.stat('t.txt').st_mtime_ns, os.stat('t.txt').st_atime_ns)
p.touch()
print(os.stat('t.txt').st_mtime > 1600000000, p.read_text())
for bad in (lambda: os.utime('t.txt', (1, 2), ns=(1, 2)), lambda: os.utime('t.txt', 5), lambda: os.utime('t.txt', ns=5), lambda: os.utime('missing.txt')):
    try:
        bad()
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e)
try:
    Path('t.txt').touch(exist_ok=False)
except FileExistsError as e:
    print('FileExistsError', e.filename)
os.chdir('/')
_tmp.cleanup()
