# A traceback keeps the locals of the function frames an exception left
# (tb_frame.f_locals, as they were then), and keeps them alive as long as
# it lives, as CPython's traceback keeps the frames: a local's __del__
# runs when the exception goes, not as the frame is left. (Not read here:
# the locals of the frame still running that caught the exception, which
# Spry's tracebacks do not show, and which CPython caches on the frame,
# making a cycle that only the collector frees.)
import gc
import os
import sys
import traceback

# (Tracebacks name this file by its full path: printed relative to here.)
HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

    def __repr__(self):
        return "Noisy(%s)" % self.name


def inner(a, b=2):
    c = a + b
    n = Noisy("inner")
    raise ValueError(c)


def middle(x):
    y = [x, x]
    return inner(x * 10)


def frames(tb):
    out = [(tb.tb_frame.f_code.co_name, None)]
    tb = tb.tb_next
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, sorted(tb.tb_frame.f_locals)))
        tb = tb.tb_next
    return out


def basic():
    try:
        middle(4)
    except ValueError as e:
        print("caught", e)
        print(frames(e.__traceback__)[1:])
        print(e.__traceback__.tb_next.tb_next.tb_frame.f_locals["c"])
        print(sys.exc_info()[2].tb_next.tb_frame.f_locals["y"])
    print("after except")


basic()
print("returned")


def keep():
    try:
        middle(1)
    except ValueError as e:
        return e


def kept():
    err = keep()
    print("kept", type(err).__name__, err.__traceback__.tb_next.tb_frame.f_locals)
    del err
    print("dropped")


kept()


def with_cell():
    v = 5

    def get():
        return v
    w = Noisy("cell")
    raise KeyError(get())


def cells():
    try:
        with_cell()
    except KeyError as e:
        loc = e.__traceback__.tb_next.tb_frame.f_locals
        print(sorted(loc), loc["v"])


cells()
print("after cells")


def reraiser():
    r = Noisy("reraiser")
    try:
        inner(1)
    except ValueError:
        z = 3
        raise


def reraise():
    try:
        reraiser()
    except ValueError as e:
        print([name for name, _ in frames(e.__traceback__)])
        print(sorted(e.__traceback__.tb_next.tb_frame.f_locals))


reraise()
print("after reraise")


# A cycle through a local: the exception holds the traceback, whose frame
# holds the exception. The collector frees it.
def cyclic():
    q = Noisy("cyclic")
    try:
        raise TypeError("t")
    except TypeError as e:
        saved = e
        raise


def cycle():
    try:
        cyclic()
    except TypeError:
        pass


cycle()
gc.collect()
print("collected")


def cap(k):
    s = "text"
    return 1 / k


def rec(k):
    if k == 0:
        raise ValueError("deep")
    return rec(k - 1)


def captured():
    for f, arg in ((cap, 0), (rec, 6)):
        try:
            f(arg)
        except Exception as e:
            n = len(frames(e.__traceback__))
            te = traceback.TracebackException(type(e), e, e.__traceback__, limit=1 - n, capture_locals=True)
            print("".join(te.format()).replace(HERE, ""))
            print([sorted((fs.locals or {}).items()) for fs in te.stack])
            te = traceback.TracebackException(type(e), e, e.__traceback__, limit=max(-2, 1 - n), capture_locals=True)
            print("".join(te.format()).replace(HERE, ""))


captured()


def gen():
    g = [1, 2]
    yield 1
    raise IndexError("g")


def generator():
    try:
        for _ in gen():
            pass
    except IndexError as e:
        print("gen", frames(e.__traceback__))


generator()
print("end")
