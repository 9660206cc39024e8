# warnings.warn reports the caller's file and line (or the frame
# `stacklevel` calls up), the default action shows a warning once per
# place, and formatwarning adds the source line.
import io
import os
import sys
import warnings


def careful():
    warnings.warn("careful")


def deep():
    warnings.warn("deep", RuntimeWarning, stacklevel=2)


with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    careful()
    deep()
    warnings.warn("top level")
for w in log:
    print(os.path.basename(w.filename), w.lineno, w.category.__name__, w.message)

print(warnings.formatwarning("m", UserWarning, __file__, 11).replace(__file__, "F"), end="")

buf = io.StringIO()
old, sys.stderr = sys.stderr, buf
for i in range(3):
    warnings.warn("in a loop")
warnings.warn("in a loop")
careful()
careful()
warnings.simplefilter("once")
warnings.warn("once")
warnings.warn("once")
sys.stderr = old
print(buf.getvalue().replace(__file__, "F"), end="")
