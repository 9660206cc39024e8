# The benchmark program perf/programs/int_loop.py at its small size: the JIT must
# give exactly CPython's output on whole programs too.
import sys

sys.argv = ["int_loop.py", "50000"]
with open("../../../perf/programs/int_loop.py") as f:
    source = f.read()
exec(compile(source, "int_loop.py", "exec"), {"__name__": "__main__"})
