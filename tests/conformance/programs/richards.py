# The benchmark program perf/programs/richards.py at its small size: the JIT must
# give exactly CPython's output on whole programs too.
import sys

sys.argv = ["richards.py", "2"]
with open("../../../perf/programs/richards.py") as f:
    source = f.read()
exec(compile(source, "richards.py", "exec"), {"__name__": "__main__"})
