# The benchmark program perf/programs/sieve.py at its small size: the JIT must
# give exactly CPython's output on whole programs too.
import sys

sys.argv = ["sieve.py", "10000"]
with open("../../../perf/programs/sieve.py") as f:
    source = f.read()
exec(compile(source, "sieve.py", "exec"), {"__name__": "__main__"})
