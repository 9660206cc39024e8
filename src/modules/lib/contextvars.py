"""Context variables (Spry runs one thread and no asyncio tasks: one context)."""

__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')

_MISSING = object()


class Token:
    MISSING = _MISSING

    def __init__(self, var, old_value):
        self._var = var
        self._old_value = old_value
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old_value

    def __repr__(self):
        return "<Token var=%r at %#x>" % (self._var, id(self))


class ContextVar:
    def __init__(self, name, *, default=_MISSING):
        self._name = name
        self._default = default
        self._value = _MISSING

    @property
    def name(self):
        return self._name

    def get(self, *args):
        if self._value is not _MISSING:
            return self._value
        if args:
            return args[0]
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value):
        old = self._value
        self._value = value
        return Token(self, old)

    def reset(self, token):
        if token._used:
            raise RuntimeError("Token has already been used once")
        if token._var is not self:
            raise ValueError("Token was created by a different ContextVar")
        self._value = token._old_value
        token._used = True

    def __repr__(self):
        default = '' if self._default is _MISSING else ' default=%r' % (self._default,)
        return "<ContextVar name=%r%s at %#x>" % (self._name, default, id(self))

    def __class_getitem__(cls, item):
        return cls


class Context:
    def run(self, callable, *args, **kwargs):
        return callable(*args, **kwargs)

    def copy(self):
        return Context()


def copy_context():
    return Context()
