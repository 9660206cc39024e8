# cProfile and profile: call counts (primitive and recursive), callers and
# callees, builtin labels and pstats' reports, as CPython 3.11 gives them.
# Times vary from run to run: they are masked.
import cProfile
import io
import marshal
import os
import profile
import pstats
import re
import sys
import tempfile


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def squares(n):
    for i in range(n):
        yield i * i


def work():
    out = [fib(i) for i in range(8)]
    out.extend(squares(4))
    try:
        int("x")
    except ValueError:
        pass
    out.append(len(out))
    return sum(out)


def show(text):
    for line in text.splitlines():
        line = re.sub(r'\d+\.\d{3}', 'T', line)
        line = re.sub(r'0x[0-9a-f]+', 'ADDR', line)
        print(line.rstrip())


# cProfile.run prints the report (sorted by standard name here).
saved = sys.stdout
sys.stdout = buf = io.StringIO()
cProfile.run('work()', sort='stdname')
sys.stdout = saved
show(buf.getvalue())

for mod in (cProfile, profile):
    print('-----', mod.__name__)
    p = mod.Profile()
    print(p.runcall(work))
    s = io.StringIO()
    st = pstats.Stats(p, stream=s)
    print(st.total_calls, st.prim_calls)
    st.strip_dirs().sort_stats('calls', 'name').print_stats()
    st.print_callers('fib|squares')
    st.print_callees('work')
    show(s.getvalue())

# The raw statistics: entries and sub-entries.
p = cProfile.Profile()
p.enable()
fib(4)
p.disable()
for entry in sorted(p.getstats(), key=lambda e: str(e.code)):
    name = entry.code if isinstance(entry.code, str) else entry.code.co_name
    subs = sorted((c.code.co_name, c.callcount, c.reccallcount) for c in entry.calls or [])
    print(name, entry.callcount, entry.reccallcount, subs, type(entry.totaltime).__name__)
p.clear()
print(p.getstats())

# The context manager form and print_stats with a limit.
with cProfile.Profile() as p:
    fib(5)
s = io.StringIO()
pstats.Stats(p, stream=s).sort_stats(pstats.SortKey.CALLS, pstats.SortKey.NAME).print_stats(2)
show(s.getvalue().replace(os.path.dirname(os.path.abspath(__file__)), 'DIR'))

# Without builtins; with subcalls off the callers are not recorded.
p = cProfile.Profile(builtins=False)
p.runcall(work)
names = sorted(k[2] for k in pstats.Stats(p).stats)
print(names)

# Statistics dumped to a file and read back (marshal).
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'stats')
    p.dump_stats(path)
    st = pstats.Stats(path)
    print(sorted(k[2] for k in st.stats) == names, st.total_calls)

print(marshal.loads(marshal.dumps([1, 2**70, -3.5, 'é', b'x', (None, True), {'a': {1, 2}}])))
try:
    marshal.dumps(object())
except ValueError as e:
    print(e)
