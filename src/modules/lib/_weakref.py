"""Weak references for Spry.

A reference is an instance of `ReferenceType` (a Python class, so that
`weakref.KeyedRef` and `weakref.WeakMethod` subclass it as in CPython)
holding a handle into the native table of `_spry_weakref`, which does not
keep the referent alive: when the referent is freed (by its last release
or by the cycle collector, after its `__del__`), every reference to it
returns None from then on and the callbacks of the live ones run, newest
first, at the next safe point."""

import _spry_weakref as _w

# `ReferenceType`'s own dereference (not a subclass's `__call__`, as
# `WeakMethod`'s): the referent or None.
_deref = _w.ref_call


class ReferenceType:
    __slots__ = ('_h', '_cb', '_hash', '__weakref__')

    def __new__(cls, ob, callback=None, /, *args, **kwargs):
        if callback is None and cls is ReferenceType:
            r = _w.basic(ob)
            if r is not None:
                return r
        self = object.__new__(cls)
        self._cb = callback
        self._hash = None
        self._h = _w.new(ob, self, callback is not None, callback is None and cls is ReferenceType)
        return self

    def __init__(self, ob, callback=None, /, *args, **kwargs):
        pass

    __call__ = _deref

    @property
    def __callback__(self):
        return self._cb

    def __hash__(self):
        h = self._hash
        if h is None:
            o = _deref(self)
            if o is None:
                raise TypeError("weak object has gone away")
            h = self._hash = hash(o)
        return h

    def __eq__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a = _deref(self)
        b = _deref(other)
        if a is None or b is None:
            return self is other
        return a == b

    def __ne__(self, other):
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __repr__(self):
        o = _deref(self)
        if o is None:
            return "<weakref at %#x; dead>" % id(self)
        name = _special_name(o)
        if name is None:
            return "<weakref at %#x; to '%s' at %#x>" % (id(self), _type_name(o), id(o))
        return "<weakref at %#x; to '%s' at %#x (%s)>" % (id(self), _type_name(o), id(o), name)

    def __reduce__(self):
        raise TypeError("cannot pickle 'weakref' object")

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


ReferenceType.__name__ = 'weakref'
ReferenceType.__qualname__ = 'weakref'
ref = ReferenceType


def _type_name(o):
    t = type(o)
    m = t.__module__
    if m in ('builtins', '__main__') or not isinstance(m, str):
        return t.__qualname__
    return m + '.' + t.__qualname__


def _special_name(o):
    # CPython looks `__name__` up on the type (`_PyObject_LookupSpecial`):
    # functions, classes, modules and methods have one, plain instances not.
    import types
    if isinstance(o, (type, types.FunctionType, types.BuiltinFunctionType, types.MethodType, types.ModuleType)):
        n = getattr(o, '__name__', None)
        return n if isinstance(n, str) else None
    return None


def getweakrefcount(obj, /):
    return len(_w.refs(obj))


def getweakrefs(obj, /):
    return _w.refs(obj)


def _remove_dead_weakref(d, key, /):
    try:
        wr = d[key]
    except KeyError:
        return
    if isinstance(wr, ReferenceType) and wr() is None:
        del d[key]


def __getattr__(name):
    # `proxy` and its types live in `_weakrefproxy`, imported on first use
    # (this module is imported by `abc`, `copy`: less to compile there).
    if name in ('proxy', 'ProxyType', 'CallableProxyType'):
        import _weakrefproxy
        return getattr(_weakrefproxy, name)
    raise AttributeError("module '_weakref' has no attribute '%s'" % name)
