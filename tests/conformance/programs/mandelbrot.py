# The benchmark program perf/programs/mandelbrot.py at its small size: the JIT must
# give exactly CPython's output on whole programs too.
import sys

sys.argv = ["mandelbrot.py", "60"]
with open("../../../perf/programs/mandelbrot.py") as f:
    source = f.read()
exec(compile(source, "mandelbrot.py", "exec"), {"__name__": "__main__"})
