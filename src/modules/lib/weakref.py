"""Weak references (Spry: references that keep their referent alive; see _weakref)."""

from _weakref import (getweakrefcount, getweakrefs, ref, proxy, ReferenceType,
                      ProxyType, CallableProxyType)

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs",
           "WeakKeyDictionary", "ReferenceType", "ProxyType",
           "CallableProxyType", "ProxyTypes", "WeakValueDictionary",
           "WeakSet", "WeakMethod", "finalize"]

ProxyTypes = (ProxyType, CallableProxyType)


class WeakValueDictionary(dict):
    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))


class WeakKeyDictionary(dict):
    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))


from _weakrefset import WeakSet


class WeakMethod(ref):
    pass


class finalize:
    def __init__(self, obj, func, /, *args, **kwargs):
        self._func = func
        self._args = args
        self._kwargs = kwargs
        self.atexit = True
        self._alive = True

    def __call__(self, _=None):
        if self._alive:
            self._alive = False
            return self._func(*self._args, **self._kwargs)

    def detach(self):
        if self._alive:
            self._alive = False
            return (None, self._func, self._args, self._kwargs)

    def peek(self):
        if self._alive:
            return (None, self._func, self._args, self._kwargs)

    @property
    def alive(self):
        return self._alive
