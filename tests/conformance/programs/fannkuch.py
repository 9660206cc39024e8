# The benchmark program perf/programs/fannkuch.py at its small size: the JIT must
# give exactly CPython's output on whole programs too.
import sys

sys.argv = ["fannkuch.py", "5000"]
with open("../../../perf/programs/fannkuch.py") as f:
    source = f.read()
exec(compile(source, "fannkuch.py", "exec"), {"__name__": "__main__"})
