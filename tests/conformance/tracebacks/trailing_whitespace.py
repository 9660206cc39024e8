# Source lines with trailing whitespace: the traceback module strips it (and,
# as CPython 3.11's traceback.py, shifts the markers left by as much); the
# interpreter's own printer keeps it.
import sys
import traceback


def f():
    x = 1 / 0   


def g():
    return [1][5]	


try:
    f()
except ZeroDivisionError:
    print(traceback.format_exc().replace(__file__, 'FILE'))
    print([t.replace(__file__, 'FILE') for t in traceback.format_tb(sys.exc_info()[2])])
    traceback.print_exc(file=sys.stderr)
try:
    g()
except IndexError:
    print(traceback.format_exc().replace(__file__, 'FILE'))
# The interpreter keeps trailing whitespace of source lines.
f()
