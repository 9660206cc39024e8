# contextlib: contextmanager, suppress, closing, redirect_stdout, ExitStack, nullcontext.
from contextlib import contextmanager, suppress, closing, redirect_stdout, ExitStack, nullcontext, AbstractContextManager
import io

@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)

with tag("p") as t:
    print("inside", t)

try:
    with tag("div"):
        raise ValueError("boom")
except ValueError as e:
    print("propagated:", e)

@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", repr(e))

with swallow():
    raise KeyError("k")
print("after swallow")

@tag("decorated")
def work():
    print("working")
work()

with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print("not suppressed:", type(e).__name__)

class Resource:
    def close(self):
        print("closed resource")
with closing(Resource()) as r:
    print("using", type(r).__name__)

buf = io.StringIO()
with redirect_stdout(buf):
    print("captured line")
print("redirected:", repr(buf.getvalue()))

with ExitStack() as stack:
    names = [stack.enter_context(tag(n)) for n in ("a", "b")]
    stack.callback(print, "callback ran")
    print("stack entered", names)

with nullcontext(42) as v:
    print("nullcontext:", v)

class MyCM(AbstractContextManager):
    def __exit__(self, *exc):
        print("MyCM exit", exc[0])
with MyCM() as m:
    print("MyCM enter returns self:", isinstance(m, MyCM))
print("is AbstractContextManager:", isinstance(open, AbstractContextManager), issubclass(MyCM, AbstractContextManager))

@contextmanager
def no_yield():
    if False:
        yield
try:
    with no_yield():
        pass
except RuntimeError as e:
    print(type(e).__name__, e)
