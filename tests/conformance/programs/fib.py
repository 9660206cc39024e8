# The benchmark program perf/programs/fib.py at its small size: the JIT must
# give exactly CPython's output on whole programs too.
import sys

sys.argv = ["fib.py", "20"]
with open("../../../perf/programs/fib.py") as f:
    source = f.read()
exec(compile(source, "fib.py", "exec"), {"__name__": "__main__"})
