# asyncio.TaskGroup (3.11): results, an error cancelling the others and
# raised in an ExceptionGroup, misuse.
import asyncio

async def work(n, fail=False):
    await asyncio.sleep(0.001 * n)
    if fail:
        raise ValueError(f'bad {n}')
    return n * 10

async def main():
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(work(i), name=f't{i}') for i in range(3)]
    print([t.result() for t in ts], [t.get_name() for t in ts])
    try:
        async with asyncio.TaskGroup() as tg:
            a = tg.create_task(work(1))
            b = tg.create_task(work(2, fail=True))
            c = tg.create_task(work(50))
    except* ValueError as eg:
        print('caught', [str(e) for e in eg.exceptions], c.cancelled(), a.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work(1, fail=True))
            tg.create_task(work(1, fail=True))
    except ExceptionGroup as eg:
        print(type(eg).__name__, eg.message, len(eg.exceptions))
    tg = asyncio.TaskGroup()
    print(repr(tg))
    coro = work(1)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print('RuntimeError', e)
    coro.close()

asyncio.run(main())
