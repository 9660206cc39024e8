"""Generic (shallow and deep) copying operations.

Interface summary:

        import copy

        x = copy.copy(y)        # make a shallow copy of y
        x = copy.deepcopy(y)    # make a deep copy of y

For module specific errors, copy.Error is raised.
"""

class Error(Exception):
    pass
error = Error   # backward compatibility

__all__ = ["Error", "copy", "deepcopy"]

_NoneType = type(None)
_FunctionType = type(lambda: None)
_BuiltinFunctionType = type(len)
_CodeType = type((lambda: None).__code__)
_EllipsisType = type(...)
_NotImplementedType = type(NotImplemented)

_atomic = {_NoneType, int, float, bool, complex, str, bytes, tuple, frozenset,
           type, range, slice, _FunctionType, _BuiltinFunctionType, _CodeType,
           _EllipsisType, _NotImplementedType, property}
# (CPython's copy module treats weak references as immutable too.)
from _weakref import ref as _weakref_type
_atomic.add(_weakref_type)


def _reconstruct_state(y, state, deep, memo):
    if state is None:
        return
    if deep:
        state = deepcopy(state, memo)
    if _has_own(type(y), '__setstate__'):
        y.__setstate__(state)
        return
    slotstate = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slotstate = state
    if state:
        y.__dict__.update(state)
    if slotstate:
        for key, value in slotstate.items():
            setattr(y, key, value)


def _has_own(cls, name):
    for k in cls.__mro__:
        if k is object:
            return False
        if name in k.__dict__:
            return True
    return False


def _slot_names(cls):
    names = []
    for c in cls.__mro__:
        slots = c.__dict__.get('__slots__')
        if slots is None:
            continue
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                stripped = c.__name__.lstrip('_')
                if stripped:
                    name = '_%s%s' % (stripped, name)
            names.append(name)
    return names


def _get_state(x):
    cls = type(x)
    if _has_own(cls, '__getstate__'):
        return x.__getstate__()
    try:
        d = x.__dict__
    except AttributeError:
        d = None
    slots = _slot_names(cls)
    if slots:
        sd = {}
        for name in slots:
            try:
                sd[name] = getattr(x, name)
            except AttributeError:
                pass
        return (d if d else None, sd)
    if not d:
        return None
    return d


def _builtin_base(cls):
    for b in cls.__mro__:
        if b in (list, dict, set, bytearray, int, float, str, bytes, tuple, frozenset, complex):
            return b
    return None


def _copy_instance(x, deep, memo):
    cls = type(x)
    if _has_own(cls, '__reduce_ex__') or _has_own(cls, '__reduce__'):
        rv = x.__reduce_ex__(4) if _has_own(cls, '__reduce_ex__') else x.__reduce__()
        if isinstance(rv, str):
            return x
        return _reconstruct(x, memo, *rv, deep=deep)
    if _has_own(cls, '__getnewargs_ex__') or _has_own(cls, '__getnewargs__'):
        # (namedtuple: __new__ takes the arguments __getnewargs__ gives.)
        rv = x.__reduce_ex__(4)
        if isinstance(rv, str):
            return x
        return _reconstruct(x, memo, *rv, deep=deep)
    base = _builtin_base(cls)
    if base in (int, float, str, bytes, tuple, frozenset, complex):
        if deep and base in (tuple, frozenset):
            y = cls.__new__(cls, [deepcopy(a, memo) for a in x])
        else:
            y = cls.__new__(cls, x)
    else:
        y = cls.__new__(cls)
    if deep:
        memo[id(x)] = y
    if base is list:
        list.extend(y, [deepcopy(a, memo) for a in x] if deep else x)
    elif base is dict:
        for k, v in dict.items(x):
            if deep:
                k = deepcopy(k, memo)
                v = deepcopy(v, memo)
            dict.__setitem__(y, k, v)
    elif base is set:
        set.update(y, [deepcopy(a, memo) for a in x] if deep else x)
    elif base is bytearray:
        bytearray.extend(y, x)
    _reconstruct_state(y, _get_state(x), deep, memo)
    return y


def copy(x):
    """Shallow copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """
    cls = type(x)
    if cls in _atomic:
        return x
    if cls in (list, dict, set, bytearray):
        return x.copy()
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    return _copy_instance(x, False, None)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """
    if memo is None:
        memo = {}

    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y

    cls = type(x)

    if cls in _atomic and cls is not tuple and cls is not frozenset:
        return x
    if cls is list:
        y = []
        memo[d] = y
        append = y.append
        for a in x:
            append(deepcopy(a, memo))
    elif cls is tuple:
        y = [deepcopy(a, memo) for a in x]
        # We're not going to put the tuple in the memo, but it's still important we
        # check for it, in case the tuple contains recursive mutable structures.
        try:
            return memo[d]
        except KeyError:
            pass
        for k, j in zip(x, y):
            if k is not j:
                y = tuple(y)
                break
        else:
            y = x
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = set()
        memo[d] = y
        for a in x:
            y.add(deepcopy(a, memo))
    elif cls is frozenset:
        y = frozenset([deepcopy(a, memo) for a in x])
    elif cls is bytearray:
        y = bytearray(x)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None and not isinstance(x, type):
            y = copier(memo)
        else:
            y = _copy_instance(x, True, memo)

    # If is its own copy, don't memoize.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo) # Make sure x lives at least as long as d
    return y


def _keep_alive(x, memo):
    """Keeps a reference to the object x in the memo."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        # aha, this is the first one :-)
        memo[id(memo)]=[x]


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 *, deep=False):
    deep = memo is not None and deep
    if deep and args:
        args = (deepcopy(arg, memo) for arg in args)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__') and _has_own(type(y), '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                item = deepcopy(item, memo)
                y.append(item)
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
    return y
