# Seeking and telling as CPython: StringIO's seek errors, text files'
# io.UnsupportedOperation for relative seeks, tell() disabled by next(),
# unbuffered text refused, fileno of a StringIO, newlines.
import io, tempfile, sys
s = io.StringIO('abc')
for f in (lambda: s.fileno(), lambda: s.seek(1, 1), lambda: s.seek(1, 2), lambda: s.seek(-1), lambda: s.seek(0, 3), lambda: s.seek(0, 2), lambda: s.seek(0, 1)):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
with tempfile.TemporaryFile('w+') as f:
    f.write('a\nb\nc\n'); f.seek(0)
    for g in (lambda: f.seek(1, 1), lambda: f.seek(1, 2)):
        try: g()
        except Exception as e: print(type(e).__name__, e)
    next(f)
    try: f.tell()
    except Exception as e: print(type(e).__name__, e)
    f.seek(0); print(f.tell()); print(list(f)); print(f.tell())
    f.seek(0); next(f)
    try: print(f.readline(), f.tell())
    except Exception as e: print(type(e).__name__, e)
with tempfile.TemporaryFile('w+b') as f:
    f.write(b'a\nb\n'); f.seek(0); next(f); print(f.tell())
with tempfile.TemporaryDirectory() as d:
    for kw in ({'buffering': 0}, {'buffering': 1}, {'buffering': -1}, {'buffering': 4096}):
        try: open(d + '/x.txt', 'w', **kw).close(); print('ok', kw)
        except Exception as e: print(type(e).__name__, e)
    open(d + '/x.bin', 'wb', buffering=0).close(); print('binary unbuffered ok')
print(sys.stdout.newlines, io.StringIO().newlines)
