# asyncio synchronization: Lock, Event, Semaphore, BoundedSemaphore, Condition;
# the order in which waiting tasks wake up is FIFO, as in CPython.
import asyncio


async def locks():
    print("-- Lock")
    lock = asyncio.Lock()
    log = []

    async def critical(i):
        async with lock:
            log.append(f"enter {i}")
            await asyncio.sleep(0)
            log.append(f"exit {i}")

    await asyncio.gather(*(critical(i) for i in range(3)))
    print(log)
    print("locked after:", lock.locked())
    await lock.acquire()
    print("locked:", lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

    # A cancelled waiter does not get the lock.
    await lock.acquire()
    waiter = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    waiter.cancel()
    await asyncio.sleep(0)
    lock.release()
    print("waiter cancelled:", waiter.cancelled(), "locked:", lock.locked())


async def events():
    print("-- Event")
    ev = asyncio.Event()

    async def waiter(i):
        print("waiting", i)
        await ev.wait()
        print("woken", i)
        return i

    tasks = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print("is_set:", ev.is_set())
    ev.set()
    print(await asyncio.gather(*tasks))
    print("wait on set event:", await ev.wait())
    ev.clear()
    print("cleared:", ev.is_set())


async def semaphores():
    print("-- Semaphore")
    sem = asyncio.Semaphore(2)
    active = 0
    peak = 0

    async def job(i):
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            print("job", i, "start")
            await asyncio.sleep(0)
            print("job", i, "end")
            active -= 1

    await asyncio.gather(*(job(i) for i in range(5)))
    print("peak", peak, "locked", sem.locked())
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)


async def conditions():
    print("-- Condition")
    cond = asyncio.Condition()
    items = []

    async def consumer(name):
        async with cond:
            await cond.wait_for(lambda: items)
            print(name, "took", items.pop(0))

    consumers = [asyncio.create_task(consumer(f"c{i}")) for i in range(2)]
    await asyncio.sleep(0)
    for v in ("x", "y"):
        async with cond:
            items.append(v)
            cond.notify()
        await asyncio.sleep(0)
    await asyncio.gather(*consumers)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)


async def main():
    await locks()
    await events()
    await semaphores()
    await conditions()


asyncio.run(main())
