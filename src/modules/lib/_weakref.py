"""Weak references for Spry. Spry frees objects by reference counting and
collects cycles, but does not track weak references yet: these references
keep their referent alive (they never die), which is safe, only longer-lived."""


class ReferenceType:
    __slots__ = ('_obj', '_callback', '__weakref__') if False else ('_obj', '_callback')

    def __init__(self, obj, callback=None):
        self._obj = obj
        self._callback = callback

    def __call__(self):
        return self._obj

    def __eq__(self, other):
        if isinstance(other, ReferenceType):
            return self._obj == other._obj
        return NotImplemented

    def __hash__(self):
        return hash(self._obj)

    def __repr__(self):
        o = self._obj
        return "<weakref at %#x; to '%s' at %#x>" % (id(self), type(o).__name__, id(o))

    @property
    def __callback__(self):
        return self._callback

    @classmethod
    def __class_getitem__(cls, item):
        return cls


ref = ReferenceType


def proxy(obj, callback=None):
    return obj


def getweakrefcount(obj):
    return 0


def getweakrefs(obj):
    return []


ProxyType = type(None)
CallableProxyType = type(None)
