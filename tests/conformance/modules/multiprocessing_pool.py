# multiprocessing: Pool (map, starmap, imap, imap_unordered, apply,
# apply_async with callbacks, map_async, chunks, errors raised in workers,
# unpicklable tasks, state errors), Process (exit codes, sys.exit in the
# child, arguments, names), Pipe, Queue, Lock, Event.
import multiprocessing as mp
import os
import sys


def square(x):
    return x * x


def add(a, b):
    return a + b


def fail_on_three(x):
    if x == 3:
        raise ValueError("bad value %d" % x)
    return x


def pid_of(_):
    return os.getpid()


def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def child_exit(code):
    sys.exit(code)


def child_put(q, lock, n):
    with lock:
        q.put((n, sum(range(n))))


def child_wait(ev, conn):
    conn.send(ev.wait(5))


def init_worker(tag):
    global TAG
    TAG = tag


def tagged(x):
    return (TAG, x)


if __name__ == '__main__':
    with mp.Pool(3) as pool:
        print(pool.map(square, range(12)))
        print(pool.map(square, range(12), chunksize=5))
        print(pool.starmap(add, [(1, 2), (3, 4), (5, 6)]))
        print(list(pool.imap(square, range(6))))
        print(list(pool.imap(square, range(7), chunksize=3)))
        print(sorted(pool.imap_unordered(square, range(6))))
        print(pool.apply(add, (2, 3)), pool.apply(add, kwds={'a': 1, 'b': 1}))
        got = []
        r = pool.apply_async(square, (9,), callback=got.append)
        print(r.get(timeout=10), r.ready(), r.successful(), got)
        m = pool.map_async(collatz_len, range(1, 30), callback=lambda v: got.append(sum(v)))
        m.wait()
        print(m.get(), got)
        errs = []
        r = pool.apply_async(fail_on_three, (3,), error_callback=lambda e: errs.append(repr(e)))
        try:
            r.get()
        except ValueError as e:
            print('raised:', e, '| cause:', type(e.__cause__).__name__, 'ValueError: bad value 3' in str(e.__cause__))
        print(r.successful(), errs)
        try:
            pool.map(fail_on_three, range(8))
        except ValueError as e:
            print('map raised:', e)
        try:
            pool.map(lambda x: x, [1, 2])
        except Exception as e:
            print('lambda:', type(e).__name__)
        print(len(set(pool.map(pid_of, range(30), chunksize=1)) - {os.getpid()}) >= 1)
    print(repr(pool).startswith('<multiprocessing.pool.Pool state=TERMINATE'))
    try:
        pool.map(square, [1])
    except ValueError as e:
        print(e)

    pool = mp.Pool(2, initializer=init_worker, initargs=('w',))
    print(pool.map(tagged, [1, 2]))
    try:
        pool.join()
    except ValueError as e:
        print(e)
    results = [pool.apply_async(square, (i,)) for i in range(5)]
    pool.close()
    pool.join()
    print([r.get() for r in results])

    pool = mp.Pool(2, maxtasksperchild=1)
    print(pool.map(square, range(6), chunksize=1))
    pool.close()
    pool.join()

    for bad in (0, -1):
        try:
            mp.Pool(bad)
        except ValueError as e:
            print(e)

    # Processes: exit codes.
    procs = [mp.Process(target=child_exit, args=(c,)) for c in (0, 3, None)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print([p.exitcode for p in procs], [p.is_alive() for p in procs])
    p = mp.Process(target=square, args=(2,), name='worker-x')
    print(p.name, p.exitcode, p.is_alive(), p.daemon)
    p.start()
    p.join()
    print(p.exitcode)
    try:
        p.start()
    except AssertionError as e:
        print('AssertionError:', e)
    print(mp.current_process().name, mp.parent_process(), mp.active_children())

    # A queue, a lock and an event shared by children.
    q = mp.Queue()
    lock = mp.Lock()
    procs = [mp.Process(target=child_put, args=(q, lock, n)) for n in (10, 20, 30)]
    for p in procs:
        p.start()
    print(sorted(q.get(timeout=10) for _ in procs))
    for p in procs:
        p.join()
    print(q.empty())
    ev = mp.Event()
    a, b = mp.Pipe()
    p = mp.Process(target=child_wait, args=(ev, b))
    p.start()
    ev.set()
    print(a.recv(), ev.is_set())
    p.join()
    a.send([1, {'x': 2}])
    print(b.recv(), b.poll(), a.poll(0.01))
    print(mp.cpu_count() == os.cpu_count())
