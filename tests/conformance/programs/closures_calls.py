# The benchmark program perf/programs/closures_calls.py at its small size: the JIT must
# give exactly CPython's output on whole programs too.
import sys

sys.argv = ["closures_calls.py", "5000"]
with open("../../../perf/programs/closures_calls.py") as f:
    source = f.read()
exec(compile(source, "closures_calls.py", "exec"), {"__name__": "__main__"})
