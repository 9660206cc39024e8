"""BaseExceptionGroup and ExceptionGroup (PEP 654), and the two steps of an
`except*` clause, as CPython 3.11 does them (Objects/exceptions.c,
Python/ceval.c).

Loaded the first time a program names either class (the VM's global lookup,
`load_global_slow`) or runs an `except*` clause (the compiler imports this
module there); the classes are then builtins, as in CPython.
"""

import builtins


def _is_exception_type(t):
    return isinstance(t, type) and issubclass(t, BaseException)


class BaseExceptionGroup(BaseException):
    def __new__(cls, *args, **kwargs):
        name = "BaseExceptionGroup.__new__"
        if len(args) != 2:
            raise TypeError(f"{name}() takes exactly 2 arguments ({len(args)} given)")
        message, exceptions = args
        if not isinstance(message, str):
            raise TypeError(f"{name}() argument 1 must be str, not {type(message).__name__}")
        if isinstance(exceptions, (dict, set, frozenset)) or not hasattr(type(exceptions), "__getitem__"):
            raise TypeError("second argument (exceptions) must be a sequence")
        excs = tuple(exceptions)
        if not excs:
            raise ValueError("second argument (exceptions) must be a non-empty sequence")
        nested_base = False
        for i, e in enumerate(excs):
            if not isinstance(e, BaseException):
                raise ValueError(f"Item {i} of second argument (exceptions) is not an exception")
            if not isinstance(e, Exception):
                nested_base = True
        if cls is BaseExceptionGroup:
            if not nested_base:
                cls = ExceptionGroup
        elif cls is ExceptionGroup:
            if nested_base:
                raise TypeError("Cannot nest BaseExceptions in an ExceptionGroup")
        elif nested_base and issubclass(cls, Exception):
            raise TypeError(f"Cannot nest BaseExceptions in '{cls.__name__}'")
        self = BaseException.__new__(cls, *args)
        self._message = message
        self._exceptions = excs
        return self

    def __init__(self, *args, **kwargs):
        if kwargs:
            raise TypeError(f"{type(self).__name__}() takes no keyword arguments")
        BaseException.__init__(self, *args)

    @property
    def message(self):
        """exception message"""
        return self._message

    @property
    def exceptions(self):
        """nested exceptions"""
        return self._exceptions

    def __str__(self):
        n = len(self._exceptions)
        return f"{self._message} ({n} sub-exception{'' if n == 1 else 's'})"

    def derive(self, excs, /):
        return BaseExceptionGroup(self._message, excs)

    def split(self, condition, /):
        match, rest = _split(self, _matcher(condition), True)
        return match, rest

    def subgroup(self, condition, /):
        return _split(self, _matcher(condition), False)[0]

    @classmethod
    def __class_getitem__(cls, item):
        import types

        return types.GenericAlias(cls, item)


class ExceptionGroup(BaseExceptionGroup, Exception):
    pass


BaseExceptionGroup.__module__ = "builtins"
ExceptionGroup.__module__ = "builtins"


def _matcher(condition):
    """CPython's get_matcher_type: a predicate, or a type or tuple of types."""
    if callable(condition) and not isinstance(condition, type):
        return condition
    if _is_exception_type(condition):
        return lambda e: isinstance(e, condition)
    if isinstance(condition, tuple) and all(_is_exception_type(t) for t in condition):
        return lambda e: isinstance(e, condition)
    raise TypeError("expected a function, exception type or tuple of exception types")


def _split(exc, match, construct_rest):
    """exceptiongroup_split_recursive: (match, rest) of `exc`, leaves kept in
    their groups (copies of the groups made by `derive`)."""
    if match(exc):
        return exc, None
    if not isinstance(exc, BaseExceptionGroup):
        return None, (exc if construct_rest else None)
    matched = []
    rest = []
    for e in exc.exceptions:
        m, r = _split(e, match, construct_rest)
        if m is not None:
            matched.append(m)
        if construct_rest and r is not None:
            rest.append(r)
    return _subset(exc, matched), (_subset(exc, rest) if construct_rest else None)


def _subset(orig, excs):
    """exceptiongroup_subset: `orig.derive(excs)` with orig's traceback,
    cause, context and a copy of its notes."""
    if not excs:
        return None
    eg = orig.derive(excs)
    if not isinstance(eg, BaseExceptionGroup):
        raise TypeError("derive must return an instance of BaseExceptionGroup")
    eg.__traceback__ = orig.__traceback__
    eg.__context__ = orig.__context__
    eg.__cause__ = orig.__cause__
    notes = getattr(orig, "__notes__", None)
    if notes is not None and isinstance(notes, (list, tuple)):
        eg.__notes__ = list(notes)
    return eg


def _check_type(t):
    """check_except_star_type_valid."""
    types = t if isinstance(t, tuple) else (t,)
    for c in types:
        if not _is_exception_type(c):
            raise TypeError("catching classes that do not inherit from BaseException is not allowed")
    for c in types:
        if issubclass(c, BaseExceptionGroup):
            raise TypeError("catching ExceptionGroup with except* is not allowed. Use except instead.")


def _match(exc, t):
    """One `except* T` clause on what is left of the exception (CHECK_EG_MATCH):
    None when nothing matches, else (match, rest), rest None when all did."""
    _check_type(t)
    if exc is None:
        return None
    if isinstance(exc, t):
        if isinstance(exc, BaseExceptionGroup):
            return exc, None
        # A naked exception is wrapped in a group.
        return BaseExceptionGroup("", (exc,)), None
    if isinstance(exc, BaseExceptionGroup):
        m, r = exc.split(t)
        if m is None:
            return None
        return m, r
    return None


def _tb_key(e):
    # (Spry makes a new traceback object at each `__traceback__` read, so
    # CPython's identity test becomes equality of the entries.)
    key = []
    tb = e.__traceback__
    while tb is not None:
        key.append((id(tb.tb_code), tb.tb_lasti))
        tb = tb.tb_next
    return key


def _same_metadata(a, b):
    """is_same_exception_metadata: `a` is a part of `b` re-raised."""
    return (
        getattr(a, "__notes__", None) is getattr(b, "__notes__", None)
        and a.__cause__ is b.__cause__
        and a.__context__ is b.__context__
        and _tb_key(a) == _tb_key(b)
    )


def _leaf_ids(e, ids):
    if isinstance(e, BaseExceptionGroup):
        for x in e.exceptions:
            _leaf_ids(x, ids)
    else:
        ids.add(id(e))


def _prep_reraise(orig, excs):
    """_PyExc_PrepReraiseStar: what an `except*` statement raises, from the
    exceptions its handlers raised and the unhandled rest (None: nothing)."""
    if not excs:
        return None
    if not isinstance(orig, BaseExceptionGroup):
        # A naked exception: at most one clause ran.
        return excs[0]
    raised = []
    reraised = []
    for e in excs:
        if e is None:
            continue
        (reraised if _same_metadata(e, orig) else raised).append(e)
    ids = set()
    for e in reraised:
        _leaf_ids(e, ids)
    reraised_eg = _split(orig, lambda leaf: id(leaf) in ids, False)[0] if ids else None
    if not raised:
        return reraised_eg
    if reraised_eg is not None:
        raised.append(reraised_eg)
    if len(raised) > 1:
        return BaseExceptionGroup("", raised)
    return raised[0]


builtins.BaseExceptionGroup = BaseExceptionGroup
builtins.ExceptionGroup = ExceptionGroup
