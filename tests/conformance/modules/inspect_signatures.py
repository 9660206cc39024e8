# inspect: signatures of every kind of callable, binding, source and
# frames (CPython's inspect.py over Spry's introspection).
import dataclasses
import functools
import inspect


def plain(a, b=2, *args, c, d=4, **kw) -> int:
    """A function.

        Indented doc line.
    """
    return a


def posonly(x, y, /, z=3):
    pass


class Base:
    def __init__(self, p, q=1):
        self.p = p

    def method(self, r, *, s=None):
        "method doc"

    @classmethod
    def cm(cls, t):
        pass

    @staticmethod
    def sm(u, v=0):
        pass


class WithNew:
    def __new__(cls, n, m=5):
        return super().__new__(cls)


class Meta(type):
    def __call__(cls, k, j=2):
        return super().__call__()


class Called(metaclass=Meta):
    pass


class NoInit:
    pass


@dataclasses.dataclass
class DC:
    x: int
    y: str = "a"


def deco(f):
    @functools.wraps(f)
    def wrapper(*a, **k):
        return f(*a, **k)
    return wrapper


@deco
def wrapped(alpha, beta=1):
    pass


part = functools.partial(plain, 1, c=3)

for obj in [plain, posonly, Base, Base.method, Base(0).method, Base.cm, Base.sm, WithNew, Called, NoInit, DC,
            wrapped, part, lambda *, k: k, len, print, sorted, dict.get, [].append, str.join, int, object, max]:
    try:
        print(getattr(obj, "__name__", type(obj).__name__), inspect.signature(obj))
    except (ValueError, TypeError) as e:
        print("no signature:", type(e).__name__, e)

sig = inspect.signature(plain)
for p in sig.parameters.values():
    print(p.name, p.kind, p.default is p.empty, p.annotation is p.empty)
print(sig.return_annotation, sig.replace(return_annotation=sig.empty))
ba = sig.bind(10, 20, 30, 40, c=5, z=6)
print(ba.args, ba.kwargs, dict(ba.arguments))
ba.apply_defaults()
print(dict(ba.arguments))
for args, kwargs in [((), {}), ((1,), {}), ((1,), {"c": 1, "a": 2})]:
    try:
        sig.bind(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)
try:
    inspect.signature(posonly).bind(1, y=2)
except TypeError as e:
    print("TypeError:", e)
print(inspect.signature(posonly).bind_partial(1))
print(inspect.getcallargs(plain, 1, c=2))
print(inspect.getfullargspec(Base.method))
print(str(inspect.Parameter("n", inspect.Parameter.KEYWORD_ONLY, default=3, annotation=int)))
print(inspect.Signature([inspect.Parameter("a", inspect.Parameter.POSITIONAL_ONLY)]))

print(inspect.getdoc(plain))
print(inspect.getdoc(Base.method), inspect.cleandoc("  x\n    y\n  z"))
print(inspect.getsource(posonly), end="")
print(inspect.getsourcelines(Base.cm)[1], len(inspect.getsourcelines(Base)[0]))
print(inspect.getmodule(plain).__name__, inspect.getfile(plain).endswith(".py"))
print(inspect.unwrap(wrapped).__name__, inspect.getmro(DC)[-1].__name__)



def make():
    n = 5

    def inner(v):
        return v + n + len("")
    return inner


cv = inspect.getclosurevars(make())
print(cv.nonlocals, sorted(cv.builtins), cv.unbound)
print([n for n, _ in inspect.getmembers(Base, inspect.isfunction)])
print(inspect.isfunction(plain), inspect.ismethod(Base(0).method), inspect.isclass(Base), inspect.isbuiltin(len),
      inspect.isroutine(len), inspect.ismodule(inspect), inspect.isgeneratorfunction(make),
      inspect.iscoroutinefunction(plain), inspect.isabstract(Base), inspect.isdatadescriptor(property()))


def gen():
    yield 1


g = gen()
print(inspect.getgeneratorstate(g), end=" ")
next(g)
print(inspect.getgeneratorstate(g), end=" ")
g.close()
print(inspect.getgeneratorstate(g))


def where():
    frame = inspect.currentframe()
    info = inspect.getframeinfo(frame)
    print(info.function, info.lineno, info.code_context, info.positions.lineno)
    print([(f.function, f.lineno) for f in inspect.stack()[:2]])
    print(inspect.getouterframes(frame)[1].function)


where()
