import io, os, sys, traceback
_d = os.path.dirname(os.path.abspath(__file__)) + os.sep
def p(*a):
    print(*[str(x).replace(_d, "") for x in a])
def inner():
    raise ValueError("x")
def outer():
    inner()
try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    p(traceback.format_tb(tb))
    p(traceback.format_tb(tb, limit=1))
    p(traceback.format_tb(tb, limit=-1))
    s = traceback.extract_tb(tb)
    p(len(s), [tuple(f) for f in s], s[0].name, s[-1].lineno, repr(s[0]))
    p(traceback.format_list(s))
    p([ (f.f_code.co_name if f else None, n) for f, n in traceback.walk_tb(tb)][0][1])
    buf = io.StringIO(); traceback.print_tb(tb, file=buf); p(buf.getvalue())
def show():
    st = traceback.extract_stack()
    p([(f.name, f.lineno, f.line) for f in st])
    p(traceback.format_stack())
    buf = io.StringIO(); traceback.print_stack(file=buf); p(buf.getvalue())
show()
p(traceback.format_list([("a.py", 3, "f", "x = 1"), ("b.py", 4, "g", None)]))
def rec(n):
    if n == 0:
        raise KeyError(n)
    rec(n - 1)
try:
    rec(10)
except KeyError as e:
    p("".join(traceback.format_tb(e.__traceback__)))
    p(traceback.extract_tb(e.__traceback__).format()[-2:])
