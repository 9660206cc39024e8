# CPython's messages for calling builtin types and functions wrongly.
import sys

cases = [
    "type(len)()", "type(iter([]))()", "type(iter(range(3)))()", "type({}.keys())()",
    "type((x for x in []))()", "type(sys._getframe())()", "type(...)()", "type(...)(1)", "type(NotImplemented)()",
    "type(NotImplemented)(x=1)", "type(sys)()", "type(sys)(1)", "type(sys)('m').__name__",
    "filter()", "filter(None)", "filter(None, [], [])", "list(filter(None, [0, 1, 2]))",
    "enumerate()", "zip(1)", "zip([1], 2)", "list(zip([1], 'a'))",
    "sorted([], foo=1)", "print(foo=1)", "int(foo=1)", "max(1, 2, foo=1)",
    "'a'.split('a', foo=1)", "enumerate([], foo=1)", "zip([], foo=1)", "str(foo=1)",
    "round(1.5, foo=1)", "sum([], foo=1)", "min([1], foo=1)", "bytes(foo=1)",
    "pow(2, 3, foo=1)", "'a'.encode(foo=1)", "complex(foo=1)", "int('1', foo=1)",
]
for c in cases:
    try:
        print(c, "->", repr(eval(c)))
    except Exception as e:
        print(c, "->", type(e).__name__, e)
