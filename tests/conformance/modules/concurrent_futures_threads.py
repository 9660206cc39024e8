from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED, ALL_COMPLETED, Future, CancelledError, TimeoutError
import concurrent.futures as cf
import threading

def square(x):
    return x * x

with ThreadPoolExecutor(max_workers=3) as ex:
    futures = {ex.submit(square, n): n for n in range(8)}
    total = 0
    for f in as_completed(futures):
        total += f.result()
    print("total", total)
    print(list(ex.map(square, range(6))))
    print(list(ex.map(pow, [2, 3], [5, 2])))
    done, not_done = wait([ex.submit(square, 9)], return_when=ALL_COMPLETED)
    print(len(done), len(not_done), done.pop().result())
    def boom(x):
        raise ValueError("bad %d" % x)
    f = ex.submit(boom, 3)
    try:
        f.result()
    except ValueError as e:
        print("ValueError", e)
    print(type(f.exception()).__name__)
    print(ex.submit(lambda: threading.current_thread().name).result().startswith("ThreadPoolExecutor-"))
    try:
        list(ex.map(boom, [1, 2]))
    except ValueError as e:
        print("map raised", e)

try:
    ex.submit(square, 1)
except RuntimeError as e:
    print("RuntimeError", e)

try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print("ValueError", e)

f = Future()
print(f.done(), f.cancel(), f.cancelled())
try:
    f.result()
except CancelledError:
    print("CancelledError")
f2 = Future()
f2.set_result(5)
print(f2.result(), f2.done(), repr(f2).split(" at ")[0])
try:
    Future().result(timeout=0)
except TimeoutError:
    print("TimeoutError")

init_calls = []
with ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool", initializer=init_calls.append, initargs=("init",)) as ex2:
    names = [ex2.submit(lambda: threading.current_thread().name).result() for _ in range(3)]
print(names[0].startswith("pool_"), init_calls)

results = []
with ThreadPoolExecutor() as ex3:
    for i in range(4):
        ex3.submit(results.append, i)
print(sorted(results))
print(cf.ThreadPoolExecutor is ThreadPoolExecutor, issubclass(cf.TimeoutError, Exception))
