"""Set handlers for asynchronous events (Spry: over the Rust `_signal`).

As CPython's signal.py: the signal numbers and `SIG_DFL`/`SIG_IGN` become
members of the `Signals` and `Handlers` enums, and the functions that take
or return them convert.
"""
import _signal
from _signal import *
from enum import IntEnum as _IntEnum

_globals = globals()


def _convert(name, predicate):
    # What CPython's `IntEnum._convert_` does: the module's matching
    # constants become the members, sorted by value (then name, so that
    # of aliases like SIGABRT/SIGIOT the first name is the member's).
    members = sorted(((k, v) for k, v in _globals.items() if predicate(k)), key=lambda kv: (kv[1], kv[0]))
    cls = _IntEnum(name, members, module=__name__)
    cls.__reduce_ex__ = lambda self, proto: self.name
    _globals.update(cls.__members__)
    _globals[name] = cls
    return cls


_convert('Signals',
         lambda name:
             name.isupper()
             and (name.startswith('SIG') and not name.startswith('SIG_'))
             or name.startswith('CTRL_'))
_convert('Handlers', lambda name: name in ('SIG_DFL', 'SIG_IGN'))


class ItimerError(OSError):
    pass


def _int_to_enum(value, enum_klass):
    """Convert a numeric value to an IntEnum member.
    If it's not a known member, return the numeric value itself.
    """
    try:
        return enum_klass(value)
    except ValueError:
        return value


def _enum_to_int(value):
    """Convert an IntEnum member to a numeric value.
    If it's not an IntEnum member return the value itself.
    """
    try:
        return int(value)
    except (ValueError, TypeError):
        return value


def _wraps(wrapped):
    def decorator(wrapper):
        wrapper.__doc__ = wrapped.__doc__
        return wrapper
    return decorator


@_wraps(_signal.signal)
def signal(signalnum, handler):
    handler = _signal.signal(_enum_to_int(signalnum), _enum_to_int(handler))
    return _int_to_enum(handler, Handlers)


@_wraps(_signal.getsignal)
def getsignal(signalnum):
    handler = _signal.getsignal(signalnum)
    return _int_to_enum(handler, Handlers)


@_wraps(_signal.valid_signals)
def valid_signals():
    return {_int_to_enum(x, Signals) for x in _signal.valid_signals()}


@_wraps(_signal.setitimer)
def setitimer(which, seconds, interval=0.0):
    try:
        return _signal.setitimer(which, seconds, interval)
    except OSError as e:
        raise ItimerError(*e.args) from None


@_wraps(_signal.getitimer)
def getitimer(which):
    try:
        return _signal.getitimer(which)
    except OSError as e:
        raise ItimerError(*e.args) from None


del _globals, _wraps
