"""WeakSet for Spry: a set that holds its items strongly (see _weakref)."""

__all__ = ['WeakSet']


class WeakSet(set):
    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, set(self) if self else "")

    @classmethod
    def __class_getitem__(cls, item):
        return cls
