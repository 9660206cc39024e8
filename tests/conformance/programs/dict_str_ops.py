# The benchmark program perf/programs/dict_str_ops.py at its small size: the JIT must
# give exactly CPython's output on whole programs too.
import sys

sys.argv = ["dict_str_ops.py", "5000"]
with open("../../../perf/programs/dict_str_ops.py") as f:
    source = f.read()
exec(compile(source, "dict_str_ops.py", "exec"), {"__name__": "__main__"})
