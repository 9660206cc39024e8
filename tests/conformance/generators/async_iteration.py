# async for, async with, async comprehensions and async generators
# (asend/athrow/aclose), under asyncio.
import asyncio


class Countdown:
    """An async iterator written as a class."""

    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.n -= 1
        return self.n + 1


class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        await asyncio.sleep(0)
        print("open", self.name)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        print("close", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress


async def ticker(n, delay=0):
    """An async generator."""
    for i in range(n):
        await asyncio.sleep(delay)
        yield i


async def echo():
    received = []
    try:
        while True:
            try:
                value = yield len(received)
            except KeyError as e:
                print("echo caught", repr(e))
                value = "recovered"
            received.append(value)
            if value == "stop":
                return
    finally:
        print("echo finally, received", received)


async def statements():
    print("-- async for")
    async for i in Countdown(3):
        print("countdown", i)
    else:
        print("countdown else")
    async for i in ticker(5):
        if i == 1:
            continue
        if i == 3:
            break
        print("ticker", i)
    else:
        print("not printed")
    try:
        async for _ in [1, 2]:
            pass
    except TypeError as e:
        print("TypeError:", e)

    print("-- async with")
    async with Resource("a") as a, Resource("b") as b:
        print("inside", a.name, b.name)
    async with Resource("quiet", suppress=True):
        raise ValueError("suppressed")
    try:
        async with Resource("loud"):
            raise KeyError("propagated")
    except KeyError as e:
        print("caught", repr(e))

    async def early_return():
        async with Resource("ret"):
            return "returned from inside"

    print(await early_return())
    for i in range(3):
        async with Resource(f"loop{i}"):
            if i == 0:
                continue
            if i == 1:
                break
    try:
        async with object():
            pass
    except TypeError as e:
        print("TypeError:", e)


async def comprehensions():
    print("-- comprehensions")
    print([i async for i in ticker(4)])
    print({i: i * i async for i in ticker(3)})
    print({i % 2 async for i in ticker(5)})
    print([i async for i in ticker(6) if i % 2 == 0])
    print([(i, j) async for i in ticker(2) for j in range(2)])

    async def square(x):
        await asyncio.sleep(0)
        return x * x

    print([await square(i) for i in range(4)])
    gen = (i * 10 async for i in ticker(3))
    print(type(gen).__name__, [v async for v in gen])


async def generators():
    print("-- async generators")
    agen = ticker(2)
    print(type(agen).__name__, repr(agen).startswith("<async_generator object ticker at"))
    print(agen.ag_running, agen.ag_code.co_name, bool(ticker.__code__.co_flags & 0x200))
    print(await agen.__anext__(), await anext_value(agen))
    try:
        await agen.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration")

    e = echo()
    print("first", await e.asend(None))
    print("asend", await e.asend("a"))
    print("athrow", await e.athrow(KeyError("k")))
    try:
        await e.asend("stop")
    except StopAsyncIteration:
        print("echo finished")

    e = echo()
    await e.asend(None)
    await e.asend("x")
    print("aclose ->", await e.aclose())
    print("aclose again ->", await e.aclose())

    e = echo()
    await e.__anext__()
    try:
        await e.athrow(ValueError("fatal"))
    except ValueError as exc:
        print("athrow propagated", repr(exc))

    async def bad_stop():
        yield 1
        raise StopAsyncIteration

    try:
        async for v in bad_stop():
            print("bad_stop", v)
    except RuntimeError as exc:
        print("RuntimeError:", exc)

    async def stubborn():
        try:
            yield 1
        except GeneratorExit:
            yield 2

    s = stubborn()
    await s.__anext__()
    try:
        await s.aclose()
    except RuntimeError as exc:
        print("RuntimeError:", exc)

    aw = ticker(1).__anext__()
    print(type(aw).__name__)
    print(await aw)
    try:
        await aw
    except RuntimeError as exc:
        print("RuntimeError:", exc)

    # Two tasks consuming async generators concurrently interleave.
    async def consume(name, n, delay):
        async for i in ticker(n, delay):
            print(name, i)

    await asyncio.gather(consume("slow", 2, 0.3), consume("fast", 3, 0.01))


async def anext_value(agen):
    return await agen.__anext__()


async def builtins_aiter_anext():
    print("-- aiter/anext")

    async def two():
        yield 1
        await asyncio.sleep(0)
        yield 2

    g = two()
    print(aiter(g) is g)
    print(await anext(g), await anext(g), await anext(g, "default"), await anext(g, None))
    try:
        await anext(g)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    it = aiter(Countdown(2))
    print(await anext(it, 0), await anext(it, 0), await anext(it, 0))
    for bad in (5, [1]):
        try:
            aiter(bad)
        except TypeError as e:
            print("TypeError:", e)
        try:
            anext(bad)
        except TypeError as e:
            print("TypeError:", e)
    a = anext(two(), 9)
    print(type(a).__name__, await a)


async def main():
    await statements()
    await comprehensions()
    await generators()
    await builtins_aiter_anext()


asyncio.run(main())
