import sys, inspect
def inner(a, b=2):
    c = str(a + b)
    f = sys._getframe(); line = f.f_lineno
    print(sorted(f.f_locals.items(), key=lambda kv: kv[0] if kv[0] != "f" else "~")[:3], line)
    caller = sys._getframe(1)
    print(caller.f_code.co_name, sorted(k for k in caller.f_locals), caller.f_lineno)
    return f
def outer():
    x = 10
    y = "s"
    f = inner(x)
    return f
fr = outer()
print(fr.f_code.co_name)
def closure():
    v = 1
    def g():
        w = v + 1
        return sys._getframe().f_locals
    return g()
print(closure())
def cur():
    z = 5
    f = inspect.currentframe(); line = f.f_lineno
    print(f.f_code.co_name, line, f.f_locals["z"], f.f_back.f_code.co_name)
    info = inspect.getframeinfo(inspect.currentframe())
    print(info.function, info.lineno, info.code_context, info.index)
cur()
def st():
    s = inspect.stack()
    print([ (x.function, x.lineno) for x in s[:2]])
    print(s[0].frame.f_code.co_name, s[0].code_context, s[0].filename.endswith("frames.py"))
st()
class K:
    q = 1
    print(sorted(k for k in sys._getframe().f_locals), sys._getframe().f_lineno)
print(sys._getframe().f_lineno, sys._getframe().f_back)

def rec(n):
    if n:
        return rec(n - 1)
    return [fi.function for fi in inspect.stack()]
print(rec(3))
def unbound():
    a = 1
    loc = sys._getframe().f_locals
    b = 2
    return sorted(loc)
print(unbound())
