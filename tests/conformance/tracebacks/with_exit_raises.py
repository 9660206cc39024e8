# __exit__ raising: the with statement's frame line carries no position
# markers (CPython locates the exit call at the whole statement), both
# when the body raised first and when it did not.
import traceback


class CM:
    def __init__(self, fail):
        self.fail = fail

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.fail:
            raise ValueError("in exit")
        return False


def body_ok():
    with CM(False) as a, CM(True):
        pass


def body_raises():
    with CM(True):
        1 / 0


def one_line():
    with CM(True): pass


for f in (body_ok, one_line):
    try:
        f()
    except ValueError:
        traceback.print_exc()
body_raises()
