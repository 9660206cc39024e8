"""Fast profiler (CPython's `_lsprof`): the `Profiler` class that `cProfile`
subclasses. Its statistics engine is native (`_spry_lsprof`, following
`Modules/_lsprof.c`); the VM sends it the events (`src/vm/profile.rs`)."""

import _spry_lsprof as _native


class _StructSeq(tuple):
    __slots__ = ()
    _fields = ()

    def __new__(cls, sequence):
        sequence = tuple(sequence)
        if len(sequence) != len(cls._fields):
            raise TypeError("%s() takes a %d-sequence (%d-sequence given)"
                            % (cls.__qualname__, len(cls._fields), len(sequence)))
        return tuple.__new__(cls, sequence)

    def __repr__(self):
        return "_lsprof.%s(%s)" % (type(self).__name__, ", ".join(
            "%s=%r" % (name, value) for name, value in zip(self._fields, self)))

    def __reduce__(self):
        return (type(self), (tuple(self),))

    n_unnamed_fields = 0


def _field(i, doc):
    return property(lambda self: self[i], doc=doc)


class profiler_entry(_StructSeq):
    __slots__ = ()
    _fields = ('code', 'callcount', 'reccallcount', 'totaltime', 'inlinetime', 'calls')
    code = _field(0, "code object or built-in function name")
    callcount = _field(1, "how many times this was called")
    reccallcount = _field(2, "how many times called recursively")
    totaltime = _field(3, "total time in this entry")
    inlinetime = _field(4, "inline time in this entry (not in subcalls)")
    calls = _field(5, "details of the calls")


class profiler_subentry(_StructSeq):
    __slots__ = ()
    _fields = ('code', 'callcount', 'reccallcount', 'totaltime', 'inlinetime')
    code = _field(0, "called code object or built-in function name")
    callcount = _field(1, "how many times this is called")
    reccallcount = _field(2, "how many times this is called recursively")
    totaltime = _field(3, "total time spent in this call")
    inlinetime = _field(4, "inline time (not in further subcalls)")


class Profiler:
    """Profiler(timer=None, timeunit=None, subcalls=True, builtins=True)

    Builds a profiler object using the specified timer function.
    The default timer is a fast built-in one based on real time.
    For custom timer functions returning integers, timeunit can
    be a float specifying a scale (i.e. how long each integer unit
    is, in seconds).
    """

    def __init__(self, timer=None, timeunit=0.0, subcalls=True, builtins=True):
        self._state = _native.new(timer, timeunit, subcalls, builtins)

    # Builtin methods, named in profiles as CPython's
    # ("{method 'disable' of '_lsprof.Profiler' objects}").
    enable = _native.enable
    disable = _native.disable
    clear = _native.clear

    def getstats(self):
        """list of profiler_entry objects.

        getstats() -> list of profiler_entry objects

        Return all information collected by the profiler.
        Each profiler_entry is a tuple-like object with the
        following attributes:

            code          code object
            callcount     how many times this was called
            reccallcount  how many times called recursively
            totaltime     total time in this entry
            inlinetime    inline time in this entry (not in subcalls)
            calls         details of the calls

        The calls attribute is either None or a list of
        profiler_subentry objects:

            code          called code object
            callcount     how many times this is called
            reccallcount  how many times this is called recursively
            totaltime     total time spent in this call
            inlinetime    inline time (not in further subcalls)
        """
        return [profiler_entry((code, n, rec, tt, it,
                                None if calls is None else [profiler_subentry(c) for c in calls]))
                for code, n, rec, tt, it, calls in _native.stats(self._state)]


for _c in (profiler_entry, profiler_subentry):
    _c.n_sequence_fields = _c.n_fields = len(_c._fields)
for _c in (profiler_entry, profiler_subentry, Profiler):
    _c.__module__ = '_lsprof'
del _c
