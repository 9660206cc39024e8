# Error messages and small behaviours of several modules, as CPython 3.11 gives them:
# operator.index, json's bad escapes, re.sub replacements of the wrong type, itertools.islice
# and product, functools.reduce/partial/cmp_to_key, heapq, array, decimal, time.sleep,
# collections.abc after `import collections`, str() of a memoryview.
import array
import collections
import decimal
import functools
import heapq
import itertools
import json
import operator
import re
import time


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


class Idx:
    def __index__(self):
        return 7

    def __repr__(self):
        return "Idx()"


for v in [1.5, "a", None, True, Idx(), 2 ** 70]:
    t("operator.index", lambda: operator.index(v))
t("index()", lambda: operator.index())

for bad in ['"\\x"', '["a\\qb"]', '{"k": "\\u12x4"}', '"abc\\']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("json", repr(bad), e.msg, e.pos, e.lineno, e.colno)

for p, r, s in [("a", lambda m: None, "bab"), ("a", lambda m: 5, "bab"), ("a", lambda m: 5, "abab"),
                (b"a", lambda m: "x", b"bab"), ("a", 5, "bab"), ("a", None, "bab"), ("a", b"x", "bab"),
                ("a", b"x", "bbb"), (b"a", "x", b"bab"), (b"a", bytearray(b"y"), b"bab"),
                (b"a", memoryview(b"z"), b"bab"), (b"(a)", rb"[\1]", b"xax"), ("(a)", r"<\1>", "xax")]:
    t("re.sub %r %r" % (p, s), lambda: re.sub(p, r, s))

for a in [(-5,), (1, -5), (-5, 2), (-1, 2), ("a", "b"), (-2, "b"), (10 ** 20,), (1, 10 ** 20), (1, 2, 0),
          (1, 2, -1), (1, 2, "x"), (None, None, None), (1.0,), (Idx(),), (1, None, 2)]:
    t("islice %r" % (a,), lambda: list(itertools.islice("abcdefghij", *a)))
t("product kw", lambda: itertools.product("a", foo=1))
t("product repeat", lambda: list(itertools.product("ab", repeat=2)))

t("reduce 5", lambda: functools.reduce(lambda a, b: a + b, 5))
t("reduce kw", lambda: functools.reduce(lambda a, b: a + b, [1], initial=5))
t("reduce 1 arg", lambda: functools.reduce(max))
t("reduce 4 args", lambda: functools.reduce(max, [1], 2, 3))
t("reduce empty", lambda: functools.reduce(max, []))
t("reduce", lambda: (functools.reduce(max, [3, 9, 2]), functools.reduce(lambda a, b: a * b, [], 1)))
t("partial()", lambda: functools.partial())
t("partial(5)", lambda: functools.partial(5))
t("partial", lambda: functools.partial(int, base=16)("ff"))
K = functools.cmp_to_key(lambda a, b: a - b)
t("cmp_to_key", lambda: (type(K(1)).__name__, type(K(1)).__module__, K(1) < K(2)))

for f, args in [(heapq.heappush, ((), 1)), (heapq.heappop, ((),)), (heapq.heapify, ((),)),
                (heapq.heapreplace, ((), 1)), (heapq.heappushpop, ((), 1))]:
    t(f.__name__, lambda: f(*args))

for tc, v in [("i", "x"), ("i", 1.5), ("b", None), ("d", "x"), ("B", 300), ("h", 2 ** 40), ("i", Idx())]:
    t("array %s %r" % (tc, v), lambda: array.array(tc, [v]))

D = decimal.Decimal
t("Decimal('x')", lambda: D("x"))
t("1/0", lambda: D(1) / D(0))
t("0/0", lambda: D(0) / D(0))
t("sqrt(-1)", lambda: D(-1).sqrt())
t("int(nan)", lambda: int(D("nan")))
t("int(inf)", lambda: int(D("-inf")))
t("inexact trap", lambda: decimal.Context(prec=3, traps=[decimal.Inexact]).divide(D(1), D(3)))

for v in ["x", None, float("nan"), 1e300, -1e300, 10 ** 30, -1, -0.5]:
    t("sleep %r" % (v,), lambda: time.sleep(v))
t("sleep ok", lambda: (time.sleep(0), time.sleep(0.001), time.sleep(False)))

t("collections.abc", lambda: (collections.abc.Mapping, issubclass(dict, collections.abc.MutableMapping)))
t("str(memoryview)", lambda: str(memoryview(b"caf\xc3\xa9"), "utf-8"))
t("str(bytearray)", lambda: str(bytearray(b"abc"), "ascii"))
t("str(5, enc)", lambda: str(5, "utf-8"))
