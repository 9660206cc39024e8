# types.FunctionType(code, globals, name=None, argdefs=None, closure=None):
# a new function over a code object, with CPython's argument checks.
import types


def template(a, b=2):
    "doc of template"
    return a + b + x


g = types.FunctionType(template.__code__, {'x': 100})
print(g(1, 2), g.__name__, g.__qualname__, g.__doc__, g.__defaults__, g.__module__)
h = types.FunctionType(template.__code__, {'x': 0, '__name__': 'mod'}, 'renamed', (5, 6))
print(h(), h(1), h.__name__, h.__qualname__, h.__defaults__, h.__module__)
try:
    g()
except TypeError as e:
    print(e)


def outer():
    y = 7

    def inner():
        return y
    return inner


inner = outer()
cell = inner.__closure__
k = types.FunctionType(inner.__code__, {}, None, None, cell)
print(k(), k.__closure__ is not None)
bad_calls = [
    lambda: types.FunctionType(1, {}),
    lambda: types.FunctionType(template.__code__, []),
    lambda: types.FunctionType(template.__code__, {}, 5),
    lambda: types.FunctionType(template.__code__, {}, None, [1]),
    lambda: types.FunctionType(inner.__code__, {}),
    lambda: types.FunctionType(inner.__code__, {}, None, None, (1,)),
    lambda: types.FunctionType(inner.__code__, {}, None, None, ()),
    lambda: types.FunctionType(inner.__code__, {}, None, None, [1]),
    lambda: types.FunctionType(template.__code__, {}, None, None, cell),
    lambda: types.FunctionType(),
    lambda: types.FunctionType(template.__code__),
    lambda: types.FunctionType(template.__code__, {}, bogus=1),
]
for f in bad_calls:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
m = types.FunctionType(code=template.__code__, globals={'x': 1}, argdefs=(0,))
print(m(1))
