def f(self):
    return 1
f.marker = "m"
class A:
    m = f
a = A()
print(a.m.marker, getattr(a.m, "marker", None), getattr(a.m, "missing", "default"))
print(a.m.__func__ is f, a.m.__self__ is a, a.m.__name__, a.m.__doc__)
try:
    a.m.missing
except AttributeError as e:
    print("AttributeError", e)
try:
    a.m.marker = 2
except AttributeError as e:
    print("AttributeError", e)
import traceback
def boom():
    raise ValueError("x")
try:
    boom()
except ValueError as e:
    tb = e.__traceback__
    print(tb.tb_frame.f_code.co_name, tb.tb_next.tb_frame.f_code.co_name, "__name__" in tb.tb_frame.f_globals, tb.tb_lineno)
    te = traceback.TracebackException.from_exception(e)
    print(str(te), te.exc_type.__name__, len(te.stack), list(te.format_exception_only()))
    lines = list(te.format())
    print(lines[0], lines[-1], len(lines))
try:
    try:
        boom()
    except ValueError as e:
        raise KeyError("k") from e
except KeyError as e2:
    out = "".join(traceback.TracebackException.from_exception(e2).format()).replace(__file__, "FILE")
    print(out)
