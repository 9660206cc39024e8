# The benchmark program perf/programs/pidigits.py at its small size: the JIT must
# give exactly CPython's output on whole programs too.
import sys

sys.argv = ["pidigits.py", "300"]
with open("../../../perf/programs/pidigits.py") as f:
    source = f.read()
exec(compile(source, "pidigits.py", "exec"), {"__name__": "__main__"})
