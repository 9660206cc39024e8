# The warnings module as CPython 3.11 has it: default filters, regex
# filters on message and module, lineno, the registries behind "default",
# "module" and "once", catch_warnings, replaced showwarning/formatwarning,
# option strings, and SyntaxWarning turned into SyntaxError by "error".
import sys
import warnings

print(sys.warnoptions)
for f in warnings.filters:
    print(f[0], f[1], f[2].__name__, f[3], f[4])


def show(log):
    for w in log:
        print("  ", w.category.__name__, str(w.message), w.lineno)


with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("default")
    for i in range(3):
        warnings.warn("same place")          # shown once (per place)
    for i in range(2):
        warnings.warn("loop %d" % i)         # different texts
    print("default:", len(log))
    show(log)

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    for i in range(3):
        warnings.warn("always")
    print("always:", len(log))

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("once")
    warnings.warn("once text")
    warnings.warn("once text")
    warnings.warn("once text", RuntimeWarning)
    print("once:", len(log))
    show(log)

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("module")
    warnings.warn("mod")
    warnings.warn("mod")
    print("module:", len(log))

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", message="spam")
    warnings.filterwarnings("error", message="EGG.*s")
    warnings.warn("spam and eggs")         # ignored: message matches at start
    warnings.warn("ham, spam")             # shown: match is anchored
    try:
        warnings.warn("eggs are here")     # regex, case-insensitive
    except UserWarning as e:
        print("error:", e)
    warnings.filterwarnings("ignore", module="__ma")  # module regex, match()
    warnings.warn("module filtered")
    print("regex:", len(log))
    show(log)

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    here = sys._getframe().f_lineno
    warnings.filterwarnings("ignore", category=UserWarning, lineno=here + 2)
    warnings.warn("line here+2"); warnings.warn("line here+2 again")
    warnings.warn("line here+3")
    print("lineno:", [str(w.message) for w in log])

with warnings.catch_warnings(record=True) as log:
    warnings.resetwarnings()
    warnings.warn("a deprecation", DeprecationWarning)   # defaultaction
    print("reset:", len(log), warnings.filters)

print("restored:", len(warnings.filters))

# __warningregistry__ of the warning module's globals ("default" records the place).
warnings.simplefilter("default")
old_stderr = sys.stderr


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


cap = Capture()
sys.stderr = cap
warnings.warn("to stderr")
warnings.warn("to stderr")
sys.stderr = old_stderr
print("stderr:", "".join(cap.parts).replace(__file__, "FILE"), end="")
reg = globals()["__warningregistry__"]
print("registry:", sorted(k for k in reg if k != "version"))

# Replaced hooks.
def my_show(message, category, filename, lineno, file=None, line=None):
    print("my_show:", category.__name__, message, lineno)


saved = warnings.showwarning
warnings.showwarning = my_show
warnings.warn("hooked", RuntimeWarning)
warnings.showwarning = saved
print(warnings.formatwarning("msg", UserWarning, "f.py", 3, "  the line  "), end="")
print(repr(warnings.formatwarning("msg", UserWarning, "nofile.py", 3)))

# A warning object, a bad category, stacklevel.
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    warnings.warn(FutureWarning("as object"))
    try:
        warnings.warn("x", category=int)
    except TypeError as e:
        print("TypeError:", e)

    def inner():
        warnings.warn("from inner", stacklevel=2)
    inner()
    show(log)

# Bad filter arguments.
for args in [("bogus",), ("error", 3)]:
    try:
        warnings.filterwarnings(*args)
    except AssertionError as e:
        print("AssertionError:", e)

# Option strings, as -W and PYTHONWARNINGS take them.
for opt in ["error", "i::DeprecationWarning", "all:msg", "bogus", "a:b:c:d:e:f",
            "error::NoSuchWarning", "error::int", "error:::mod:-1", "error::os.Nope",
            "error::nosuchmod.X", "d:hello:UserWarning:pkg.mod:12"]:
    try:
        with warnings.catch_warnings():
            warnings._setoption(opt)
            f = warnings.filters[0]
            print(opt, "->", f[0], f[1] and f[1].pattern, f[2].__name__, f[3] and f[3].pattern, f[4])
    except warnings._OptionError as e:
        print(opt, "-> _OptionError:", e)

# The compiler's SyntaxWarning: shown, or a SyntaxError under "error".
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    compile("x = 1\ny = x is 1\n", "<s>", "exec")
    show(log)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    for src in ["x = 1\ny = x is 1\n", "print(() is not (1, 2))"]:
        try:
            compile(src, "<s>", "exec")
        except SyntaxError as e:
            print(type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    try:
        eval("1 is 1")
    except SyntaxError as e:
        print(type(e).__name__, e)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    print(eval("1 is 1"))
