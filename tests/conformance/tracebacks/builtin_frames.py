# Library functions that CPython implements in C run no Python frame there:
# a traceback (and a frame's f_back) goes from the caller straight to the
# callback. Spry's embedded Python stand-ins for them must not show either.
import array
import bisect
import collections
import datetime
import decimal
import functools
import heapq
import itertools
import json
import operator
import pickle
import re
import struct
import sys
import traceback
import warnings

THIS = __file__


def bad(*args, **kwargs):
    raise ValueError("bad")


def frames(tb):
    """Function names of a traceback's entries (after the first), with '*'
    for frames outside this file."""
    out = []
    for fs in traceback.extract_tb(tb)[1:]:
        here = fs.filename.endswith("builtin_frames.py")
        out.append(fs.name if here else fs.name + "*")
    return out


class Slotted:
    __slots__ = ("a",)


Point = collections.namedtuple("Point", "x y")

cases = [
    ("reduce", lambda: functools.reduce(bad, [1, 2])),
    ("reduce empty", lambda: functools.reduce(bad, [])),
    ("partial", lambda: functools.partial(bad, 1)(2)),
    ("cmp_to_key", lambda: sorted([1, 2], key=functools.cmp_to_key(bad))),
    ("lru_cache", lambda: functools.lru_cache(bad)(1)),
    ("lru_cache unhashable", lambda: functools.lru_cache(bad)([1])),
    ("cache", lambda: functools.cache(bad)(1)),
    ("total_ordering", lambda: functools.total_ordering(type("B", (), {"__lt__": bad, "__eq__": lambda s, o: False}))() > 1),
    ("starmap", lambda: list(itertools.starmap(bad, [(1,)]))),
    ("groupby", lambda: list(itertools.groupby([1, 2], bad))),
    ("accumulate", lambda: list(itertools.accumulate([1, 2], bad))),
    ("methodcaller", lambda: operator.methodcaller("x")(type("A", (), {"x": bad})())),
    ("itemgetter", lambda: operator.itemgetter(5)([1])),
    ("bisect key", lambda: bisect.bisect([1, 2], 1, key=bad)),
    ("insort key", lambda: bisect.insort([1, 2], 1, key=bad)),
    ("defaultdict", lambda: collections.defaultdict(bad)[1]),
    ("OrderedDict move", lambda: collections.OrderedDict().move_to_end("k")),
    ("namedtuple set", lambda: setattr(Point(1, 2), "x", 3)),
    ("heapq merge", lambda: list(heapq.merge([1], [2], key=bad))),
    ("json default", lambda: json.dumps(object(), default=bad)),
    ("json not serializable", lambda: json.dumps(object())),
    ("date", lambda: datetime.date(2020, 13, 1)),
    ("timedelta", lambda: datetime.timedelta(days=10**10)),
    ("decimal", lambda: decimal.Decimal(1) / decimal.Decimal(0)),
    ("decimal parse", lambda: decimal.Decimal("x")),
    ("struct", lambda: struct.pack("h", 10**6)),
    ("array", lambda: array.array("b", [1000])),
    ("pickle lambda", lambda: pickle.dumps(lambda: 0)),
    ("pattern sub", lambda: re.compile("a").sub(bad, "aa")),
    ("re.sub", lambda: re.sub("a", bad, "aa")),
]

for name, f in cases:
    try:
        f()
    except Exception as e:
        print(name, type(e).__name__, frames(e.__traceback__))


# f_back and sys._getframe skip the builtin frames too.
def who_called(*args):
    return sys._getframe(1).f_code.co_name


def via_reduce():
    return functools.reduce(lambda a, b: who_called(), [1, 2])


def via_partial():
    return functools.partial(who_called)()


print("reduce caller:", via_reduce())
print("partial caller:", via_partial())


def back_chain():
    f = sys._getframe()
    names = []
    while f is not None and len(names) < 3:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names


def chain_via_partial():
    return functools.partial(back_chain)()


print("f_back chain:", chain_via_partial())


# warnings.warn is C in CPython: stacklevel counts from its caller, and an
# "error" filter raises from the caller's line.
def warn_here():
    warnings.warn("careful", UserWarning, stacklevel=2)


def outer():
    warn_here()


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    outer()
    functools.reduce(lambda a, b: warn_here(), [1, 2])
for w in caught:
    print("warning at line", w.lineno, w.message)

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("as error")
    except UserWarning as e:
        print("error filter", frames(e.__traceback__), traceback.extract_tb(e.__traceback__)[0].name)


# An uncaught exception through reduce: the traceback shows the caller's
# line, then the callback's.
def divide(a, b):
    return a / b


functools.reduce(divide, [1, 0])
