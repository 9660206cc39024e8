# The benchmark program perf/programs/spectral_norm.py at its small size: the JIT must
# give exactly CPython's output on whole programs too.
import sys

sys.argv = ["spectral_norm.py", "50"]
with open("../../../perf/programs/spectral_norm.py") as f:
    source = f.read()
exec(compile(source, "spectral_norm.py", "exec"), {"__name__": "__main__"})
