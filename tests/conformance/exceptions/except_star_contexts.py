import asyncio
def gen():
    try:
        raise ExceptionGroup("g", [ValueError(1), KeyError(2)])
    except* ValueError as e:
        yield "v" + str(len(e.exceptions))
    except* KeyError as e:
        yield "k"
try:
    print(list(gen()))
except Exception as e:
    print("escaped", type(e).__name__)
async def coro():
    try:
        await asyncio.sleep(0)
        raise ExceptionGroup("a", [TypeError("t")])
    except* TypeError as e:
        await asyncio.sleep(0)
        res = "handled " + repr(e.exceptions)
    return res
print(asyncio.run(coro()))
def nested():
    try:
        try:
            raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [KeyError(2), ValueError(3)])])
        except* ValueError as e:
            print("inner handler", repr(e))
    except* KeyError as e:
        print("outer handler", repr(e))
nested()
def f():
    try:
        raise ValueError(1)
    except* ValueError:
        def g():
            return 5
        print("g", g())
        for i in range(3):
            if i == 1:
                continue
            if i == 2:
                break
f()
try:
    try:
        raise ExceptionGroup("x", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
    except* TypeError:
        raise
except ExceptionGroup as e:
    print("both reraised", repr(e))
import sys
def h():
    try:
        raise ExceptionGroup("n", [ValueError(1)])
    except* ValueError:
        print(sys.exc_info()[0].__name__)
        try:
            raise KeyError("inner")
        except KeyError:
            print("ctx", repr(sys.exc_info()[1].__context__))
    print("after", sys.exc_info())
h()
for n in [1, 2]:
    try:
        raise ExceptionGroup("loop", [ValueError(n)] * n)
    except* ValueError as e:
        print(len(e.exceptions))
