# The benchmark program perf/programs/nqueens.py at its small size: the JIT must
# give exactly CPython's output on whole programs too.
import sys

sys.argv = ["nqueens.py", "7"]
with open("../../../perf/programs/nqueens.py") as f:
    source = f.read()
exec(compile(source, "nqueens.py", "exec"), {"__name__": "__main__"})
