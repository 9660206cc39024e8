# The benchmark program perf/programs/nbody.py at its small size: the JIT must
# give exactly CPython's output on whole programs too.
import sys

sys.argv = ["nbody.py", "1000"]
with open("../../../perf/programs/nbody.py") as f:
    source = f.read()
exec(compile(source, "nbody.py", "exec"), {"__name__": "__main__"})
