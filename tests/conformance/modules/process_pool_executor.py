# concurrent.futures.ProcessPoolExecutor: submit, map (chunks), as_completed,
# wait, exceptions from workers (with the worker's traceback as the cause),
# shutdown, argument errors; a threading.Event set by a callback.
import concurrent.futures as cf
import threading


def cube(x):
    return x ** 3


def div(a, b):
    return a // b


def slow_sum(n):
    return sum(range(n))


if __name__ == '__main__':
    with cf.ProcessPoolExecutor(max_workers=2) as ex:
        f = ex.submit(cube, 4)
        print(f.result(timeout=10), f.done(), f.exception())
        print(list(ex.map(cube, range(8))))
        print(list(ex.map(div, [10, 20, 30], [2, 4, 5], chunksize=2)))
        futs = [ex.submit(slow_sum, n) for n in (10, 1000, 100000)]
        print(sorted(f.result() for f in cf.as_completed(futs)))
        done, pending = cf.wait(futs)
        print(len(done), len(pending))
        bad = ex.submit(div, 1, 0)
        try:
            bad.result()
        except ZeroDivisionError as e:
            print('raised:', e, '|', type(e.__cause__).__name__, 'ZeroDivisionError' in str(e.__cause__))
        print(type(bad.exception()).__name__)
        ev = threading.Event()
        g = ex.submit(cube, 2)
        g.add_done_callback(lambda fut: ev.set())
        print(ev.wait(10), g.result())
        try:
            list(ex.map(div, [1, 2], [1, 0]))
        except ZeroDivisionError as e:
            print('map raised:', e)
    try:
        ex.submit(cube, 1)
    except RuntimeError as e:
        print(e)
    for kwargs in [{'max_workers': 0}, {'initializer': 5}, {'max_tasks_per_child': 'x'}, {'max_tasks_per_child': 0}]:
        try:
            cf.ProcessPoolExecutor(**kwargs)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
    ex = cf.ProcessPoolExecutor(2)
    results = [ex.submit(cube, i) for i in range(5)]
    ex.shutdown(wait=True)
    print([r.result() for r in results])
    try:
        list(cf.ProcessPoolExecutor(1).map(cube, [1], chunksize=0))
    except ValueError as e:
        print(e)
