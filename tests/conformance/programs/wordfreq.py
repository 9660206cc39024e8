# The benchmark program perf/programs/wordfreq.py at its small size: the JIT must
# give exactly CPython's output on whole programs too.
import sys

sys.argv = ["wordfreq.py", "10000"]
with open("../../../perf/programs/wordfreq.py") as f:
    source = f.read()
exec(compile(source, "wordfreq.py", "exec"), {"__name__": "__main__"})
