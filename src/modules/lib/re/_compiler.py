"""Spry's stand-in for CPython's re._compiler: patterns are parsed by
CPython's own re._parser (errors, flags and groups are CPython's) and
handed to the engine in re._engine."""

from ._constants import *
from . import _engine

assert _engine.MAGIC == MAGIC if hasattr(_engine, "MAGIC") else True


def isstring(obj):
    return isinstance(obj, (str, bytes))


def compile(p, flags=0):
    return _engine.compile(p, flags)
