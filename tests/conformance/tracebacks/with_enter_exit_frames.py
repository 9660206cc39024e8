# Errors raised in __exit__ (caught) and in __enter__'s callee (uncaught):
# the tracebacks through the frames of __enter__ and __exit__.


class Base(Exception):
    def __init__(self, message, extra=None):
        super().__init__(message)
        self.extra = extra


class Child(Base):
    def __init__(self, message):
        super().__init__(message.upper(), len(message))


def check(v):
    if v > 1:
        raise Child("too big")
    return v


class CM:
    def __init__(self, v):
        self.v = v

    def __enter__(self):
        return check(self.v)

    def __exit__(self, et, ev, tb):
        if et is not None:
            return 1 / 0
        return False


with CM(1) as x:
    print("inside", x)
try:
    with CM(5):
        pass
except Child as e:
    print("caught", e, e.args, e.extra)
try:
    with CM(1):
        raise Child("inner")
except ZeroDivisionError as e:
    print("from exit", repr(e), repr(e.__context__))
with CM(7):
    pass
