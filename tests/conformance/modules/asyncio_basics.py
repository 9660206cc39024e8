# asyncio: run, tasks interleaving, gather, queues, wait_for, cancellation,
# and an exception escaping asyncio.run (the program's exit status).
import asyncio


async def worker(name, n, delay=0):
    for i in range(n):
        print(f"{name} step {i}")
        await asyncio.sleep(delay)
    return f"{name} done"


async def interleaving():
    print("-- interleaving")
    t1 = asyncio.create_task(worker("a", 3))
    t2 = asyncio.create_task(worker("b", 2))
    print("tasks created", t1.done(), t2.done())
    await asyncio.sleep(0)
    print("main after one yield")
    print(await t1, await t2)
    print("done:", t1.done(), t2.done(), t1.result())


async def gathering():
    print("-- gather")
    results = await asyncio.gather(worker("x", 2), worker("y", 1), asyncio.sleep(0, "slept"))
    print(results)

    async def boom(delay):
        await asyncio.sleep(delay)
        raise ValueError(f"boom after {delay}")

    results = await asyncio.gather(boom(0.01), worker("z", 1), return_exceptions=True)
    print(results)
    try:
        await asyncio.gather(boom(0), asyncio.sleep(0.02))
    except ValueError as e:
        print("gather raised:", e)
    print(await asyncio.gather())


async def timers():
    print("-- timers")
    order = []

    async def sleeper(name, delay):
        await asyncio.sleep(delay)
        order.append(name)

    await asyncio.gather(sleeper("slow", 0.45), sleeper("fast", 0.15), sleeper("mid", 0.3))
    print(order)
    loop = asyncio.get_running_loop()
    fired = []
    loop.call_later(0.02, fired.append, "later")
    loop.call_soon(fired.append, "soon")
    h = loop.call_later(0.01, fired.append, "cancelled")
    h.cancel()
    await asyncio.sleep(0.04)
    print(fired, h.cancelled())


async def queues():
    print("-- queue")
    q = asyncio.Queue(maxsize=2)

    async def producer():
        for i in range(5):
            await q.put(i)
            print("put", i, "size", q.qsize())
        await q.put(None)

    async def consumer(name):
        total = 0
        while True:
            item = await q.get()
            q.task_done()
            if item is None:
                break
            print(name, "got", item)
            total += item
        return total

    p = asyncio.create_task(producer())
    total = await consumer("c1")
    await p
    await q.join()
    print("total", total, "empty", q.empty())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    pq = asyncio.PriorityQueue()
    for v in (5, 1, 3):
        pq.put_nowait(v)
    print([pq.get_nowait() for _ in range(3)])


async def timeouts():
    print("-- wait_for")
    print(await asyncio.wait_for(worker("quick", 1), timeout=1))
    try:
        await asyncio.wait_for(asyncio.sleep(5), timeout=0.02)
    except asyncio.TimeoutError as e:
        print("timed out:", type(e).__name__, asyncio.TimeoutError is TimeoutError)

    async def stubborn():
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            print("stubborn cancelled, cleaning up")
            raise

    try:
        await asyncio.wait_for(stubborn(), 0.01)
    except asyncio.TimeoutError:
        print("stubborn timed out")
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(5)
    except TimeoutError:
        print("timeout() context expired")


async def cancellation():
    print("-- cancel")

    async def long_job():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("long_job saw CancelledError")
            raise
        finally:
            print("long_job finally")

    t = asyncio.create_task(long_job())
    await asyncio.sleep(0)
    print("cancel() ->", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting cancelled task raised CancelledError")
    print("cancelled:", t.cancelled(), "done:", t.done(), "cancel again ->", t.cancel())

    t = asyncio.create_task(long_job())
    t.cancel("with message")
    try:
        await t
    except asyncio.CancelledError as e:
        print("message:", e.args)

    async def swallow():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            return "swallowed"

    t = asyncio.create_task(swallow())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelled())


async def futures_and_callbacks():
    print("-- futures")
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(fut.done(), repr(fut))
    fut.add_done_callback(lambda f: print("callback saw", f.result()))
    loop.call_later(0.01, fut.set_result, 42)
    print("awaited", await fut, repr(fut))
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError:
        print("InvalidStateError")
    bad = loop.create_future()
    bad.set_exception(KeyError("nope"))
    try:
        await bad
    except KeyError as e:
        print("future exception:", repr(e), repr(bad.exception()))
    pending = loop.create_future()
    try:
        pending.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    task = asyncio.create_task(worker("named", 1), name="my-task")
    print(task.get_name(), asyncio.current_task().get_name().startswith("Task-"))
    await task
    done, pending_set = await asyncio.wait([asyncio.create_task(asyncio.sleep(0.01, r)) for r in "ab"])
    print(sorted(t.result() for t in done), len(pending_set))
    res = []
    for c in asyncio.as_completed([asyncio.sleep(0.45, "third"), asyncio.sleep(0.15, "first"), asyncio.sleep(0.3, "second")]):
        res.append(await c)
    print(res)
    shielded = asyncio.shield(asyncio.sleep(0.01, "shielded"))
    print(await shielded)


async def main():
    await interleaving()
    await gathering()
    await timers()
    await queues()
    await timeouts()
    await cancellation()
    await futures_and_callbacks()
    print("loop running:", asyncio.get_running_loop().is_running())
    return "main result"


print(asyncio.run(main()))
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)


async def failing():
    await asyncio.sleep(0)
    raise ValueError("escaped from asyncio.run")


asyncio.run(failing())
