# `is` / `is not` with a literal operand: a compile-time SyntaxWarning
# (CPython's check_compare, after constant folding), at the comparison's
# line; issued with no registry, so shown at every compilation.
import io
import sys
import warnings

cases = ["x is 1", "x is not 'a'", "x is None", "x is True", "x is ...",
         "x is -1", "x is (1, 2)", "x is (1, x)", "1 is x is 2", "x == 1",
         "(x\n is 2.5)", "x is b''", "x is 1j", "x is not ~3", "[x is 0 for x in y]", "x is (not 1)",
         "x is -x", "x is ((1, 2), -3)"]
for src in cases:
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter("always")
        compile(src, "<case>", "eval")
    print(repr(src), [(w.category.__name__, str(w.message), w.filename, w.lineno) for w in log])

buf = io.StringIO()
old, sys.stderr = sys.stderr, buf
compile("x is 1", "<a>", "eval")
compile("x is 1", "<a>", "eval")
exec("def f(x):\n    return x is 'k'\n")
sys.stderr = old
print(buf.getvalue(), end="")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    compile("x is 1", "<i>", "eval")
print("ignored")
