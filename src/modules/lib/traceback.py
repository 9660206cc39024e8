"""Extract, format and print information about Python stack traces
(Spry: the formatting of the interpreter's own exception printer)."""

import sys
import _spry_tb

__all__ = ['format_exc', 'format_exception', 'format_exception_only',
           'print_exc', 'print_exception', 'print_last']

_sentinel = object()


def _value_of(exc, value):
    if value is _sentinel or value is None and isinstance(exc, BaseException):
        return exc if isinstance(exc, BaseException) else None
    return value


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """Format a stack trace and the exception information: a list of strings,
    each ending in a newline."""
    v = _value_of(exc, value)
    if v is None:
        return ['NoneType: None\n']
    text = _spry_tb.format_exception(v, chain)
    return text.splitlines(keepends=True)


def format_exception_only(exc, /, value=_sentinel):
    """Format the exception part of a traceback: a list with one string."""
    v = _value_of(exc, value)
    if v is None:
        return ['NoneType: None\n']
    name = type(v).__qualname__
    mod = type(v).__module__
    if mod not in ("__main__", "builtins"):
        name = mod + '.' + name
    s = str(v)
    return ['%s: %s\n' % (name, s) if s else '%s\n' % name]


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    """Print exception up to 'limit' stack trace entries from 'tb' to 'file'."""
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    """Like print_exc() but return a string."""
    return "".join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """Shorthand for 'print_exception(sys.exception(), limit, file, chain)'."""
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    """This is a shorthand for 'print_exception(sys.last_value, limit, file, chain)'."""
    if not hasattr(sys, "last_value"):
        raise ValueError("no last exception")
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)
