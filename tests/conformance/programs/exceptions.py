# The benchmark program perf/programs/exceptions.py at its small size: the JIT must
# give exactly CPython's output on whole programs too.
import sys

sys.argv = ["exceptions.py", "5000"]
with open("../../../perf/programs/exceptions.py") as f:
    source = f.read()
exec(compile(source, "exceptions.py", "exec"), {"__name__": "__main__"})
