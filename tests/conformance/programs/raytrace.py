# The benchmark program perf/programs/raytrace.py at its small size: the JIT must
# give exactly CPython's output on whole programs too.
import sys

sys.argv = ["raytrace.py", "40"]
with open("../../../perf/programs/raytrace.py") as f:
    source = f.read()
exec(compile(source, "raytrace.py", "exec"), {"__name__": "__main__"})
