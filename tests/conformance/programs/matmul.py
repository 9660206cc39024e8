# The benchmark program perf/programs/matmul.py at its small size: the JIT must
# give exactly CPython's output on whole programs too.
import sys

sys.argv = ["matmul.py", "30"]
with open("../../../perf/programs/matmul.py") as f:
    source = f.read()
exec(compile(source, "matmul.py", "exec"), {"__name__": "__main__"})
