"""`weakref.proxy` for Spry (see `_weakref`)."""

from _weakref import ref


class ProxyType:
    """`weakref.proxy(obj)`: forwards to the referent while it lives, then
    raises ReferenceError."""
    __slots__ = ('_ref', '__weakref__')

    def __init__(self, ob, callback=None):
        if callback is not None:
            proxy = self
            object.__setattr__(self, '_ref', ref(ob, lambda _r: callback(proxy)))
        else:
            object.__setattr__(self, '_ref', ref(ob))

    def _target(self):
        o = object.__getattribute__(self, '_ref')()
        if o is None:
            raise ReferenceError("weakly-referenced object no longer exists")
        return o

    def __getattribute__(self, name):
        return getattr(ProxyType._target(self), name)

    def __setattr__(self, name, value):
        setattr(ProxyType._target(self), name, value)

    def __delattr__(self, name):
        delattr(ProxyType._target(self), name)

    def __repr__(self):
        o = object.__getattribute__(self, '_ref')()
        return "<weakproxy at %#x to %s at %#x>" % (id(self), type(o).__name__, id(o))

    def __str__(self):
        return str(ProxyType._target(self))

    def __bool__(self):
        return bool(ProxyType._target(self))

    def __len__(self):
        return len(ProxyType._target(self))

    def __iter__(self):
        return iter(ProxyType._target(self))

    def __next__(self):
        return next(ProxyType._target(self))

    def __contains__(self, x):
        return x in ProxyType._target(self)

    def __getitem__(self, k):
        return ProxyType._target(self)[k]

    def __setitem__(self, k, v):
        ProxyType._target(self)[k] = v

    def __delitem__(self, k):
        del ProxyType._target(self)[k]

    def __eq__(self, o):
        return ProxyType._target(self) == o

    def __ne__(self, o):
        return ProxyType._target(self) != o

    def __lt__(self, o):
        return ProxyType._target(self) < o

    def __le__(self, o):
        return ProxyType._target(self) <= o

    def __gt__(self, o):
        return ProxyType._target(self) > o

    def __ge__(self, o):
        return ProxyType._target(self) >= o

    def __add__(self, o):
        return ProxyType._target(self) + o

    def __sub__(self, o):
        return ProxyType._target(self) - o

    def __mul__(self, o):
        return ProxyType._target(self) * o

    def __truediv__(self, o):
        return ProxyType._target(self) / o

    def __floordiv__(self, o):
        return ProxyType._target(self) // o

    def __mod__(self, o):
        return ProxyType._target(self) % o

    def __neg__(self):
        return -ProxyType._target(self)

    def __hash__(self):
        raise TypeError("unhashable type: 'weakproxy'")

    def __reduce__(self):
        raise TypeError("cannot pickle 'weakproxy' object")


class CallableProxyType(ProxyType):
    __slots__ = ()

    def __call__(self, *args, **kwargs):
        return ProxyType._target(self)(*args, **kwargs)


ProxyType.__name__ = ProxyType.__qualname__ = 'weakproxy'
CallableProxyType.__name__ = CallableProxyType.__qualname__ = 'weakcallableproxy'


def proxy(obj, callback=None, /):
    if callable(obj):
        return CallableProxyType(obj, callback)
    return ProxyType(obj, callback)
