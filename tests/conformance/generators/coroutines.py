# Coroutines driven by hand: send/throw/close, await chains, error messages.
import types


def run(coro):
    """Drive a coroutine that only awaits plain yields; return its result."""
    steps = []
    try:
        while True:
            steps.append(coro.send(None))
    except StopIteration as e:
        return e.value, steps


async def double(x):
    return x * 2


async def chain(n):
    a = await double(n)
    b = await double(a)
    return a + b


print("chain:", run(chain(3)))

c = chain(1)
print("type:", type(c).__name__, type(c) is types.CoroutineType)
print("repr ok:", repr(c).startswith("<coroutine object chain at 0x"))
print("name:", c.__name__, c.__qualname__, c.cr_code.co_name)
print("running/await:", c.cr_running, c.cr_await)
print("flags:", bool(chain.__code__.co_flags & 0x80), bool(chain.__code__.co_flags & 0x20))
c.close()
print("closed frame:", c.cr_frame)


class Ticker:
    """An awaitable whose __await__ is a generator: each yield reaches the driver."""

    def __init__(self, n):
        self.n = n

    def __await__(self):
        total = 0
        for i in range(self.n):
            sent = yield ("tick", i)
            total += sent or 0
        return total


async def use_ticker():
    got = await Ticker(3)
    return "ticker total %s" % got


c = use_ticker()
print(c.send(None))
print(c.send(10))
print(c.send(20))
try:
    c.send(30)
except StopIteration as e:
    print("stop:", e.value)

# Reusing a finished coroutine.
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

# Sending non-None first.
try:
    use_ticker().send(5)
except TypeError as e:
    print("TypeError:", e)


# throw() goes down the await chain to the innermost yield.
class Catcher:
    def __await__(self):
        try:
            yield "waiting"
        except KeyError as e:
            print("caught inside __await__:", repr(e))
            return "recovered"
        return "normal"


async def outer():
    r = await Catcher()
    print("outer got", r)
    yield_point = await Ticker(1)
    return yield_point


c = outer()
print(c.send(None))
print(c.throw(KeyError("k")))
try:
    c.throw(ValueError("v"))
except ValueError as e:
    print("propagated:", e)
print("after throw frame:", c.cr_frame)

# close() runs finally blocks.
async def with_finally():
    try:
        await Ticker(5)
    finally:
        print("finally ran")


c = with_finally()
c.send(None)
c.close()


async def ignores_exit():
    try:
        await Ticker(2)
    except GeneratorExit:
        await Ticker(2)


c = ignores_exit()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print("RuntimeError:", e)


# Errors from await.
async def await_int():
    await 42


try:
    await_int().send(None)
except TypeError as e:
    print("TypeError:", e)


class BadAwait:
    def __await__(self):
        return 5


async def await_bad():
    await BadAwait()


try:
    await_bad().send(None)
except TypeError as e:
    print("TypeError:", e)


async def inner():
    await Ticker(1)


async def twice():
    c = inner()
    # A coroutine can only be awaited once at a time.
    async def second():
        await c
    s = second()
    s.send(None)
    await c


try:
    run(twice())
except RuntimeError as e:
    print("RuntimeError:", e)

# Coroutines are not iterators.
for op in (iter, next):
    c = double(1)
    try:
        op(c)
    except TypeError as e:
        print("TypeError:", e)
    c.close()

# StopIteration raised inside a coroutine becomes RuntimeError.
async def raises_stop():
    raise StopIteration(3)


try:
    raises_stop().send(None)
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)

# __await__ of a coroutine gives an iterator over its steps.
w = chain(2).__await__()
print("wrapper:", type(w).__name__, iter(w) is w)
try:
    next(w)
except StopIteration as e:
    print("wrapper result:", e.value)


# types.coroutine makes a generator awaitable.
@types.coroutine
def legacy(n):
    got = yield ("legacy", n)
    return got


async def uses_legacy():
    return await legacy(7)


c = uses_legacy()
print(c.send(None))
try:
    c.send("answer")
except StopIteration as e:
    print("legacy result:", e.value)

# Exceptions propagate through several awaits with their type intact.
async def level3():
    raise KeyError("deep")


async def level2():
    return await level3()


async def level1():
    try:
        return await level2()
    except KeyError as e:
        return "handled " + repr(e)


print(run(level1()))

# A loop inside a coroutine (JIT-compiled loops must agree).
async def summing(n):
    total = 0
    for i in range(n):
        total += i * i
        if i % 250 == 0:
            await Ticker(0)
    return total


print(run(summing(2000))[0])
