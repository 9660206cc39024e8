# The benchmark program perf/programs/generators.py at its small size: the JIT must
# give exactly CPython's output on whole programs too.
import sys

sys.argv = ["generators.py", "10000"]
with open("../../../perf/programs/generators.py") as f:
    source = f.read()
exec(compile(source, "generators.py", "exec"), {"__name__": "__main__"})
