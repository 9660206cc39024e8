import threading, time, queue
from concurrent.futures import ThreadPoolExecutor, as_completed, wait
results = []
lock = threading.Lock()
def work(n):
    s = sum(i * i for i in range(n))
    with lock:
        results.append((n, s))
    return s
ts = [threading.Thread(target=work, args=(k * 1000,)) for k in range(4)]
print(ts[0].name, ts[0].is_alive(), ts[0].ident is None)
for t in ts: t.start()
for t in ts: t.join()
print(sorted(results))
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
print(threading.active_count(), [t.name for t in threading.enumerate()])
print(ts[1].is_alive(), repr(ts[1]).split(",")[0])
# lock semantics
l = threading.Lock()
print(l.acquire(), l.acquire(False), l.locked())
l.release()
try:
    l.release()
except RuntimeError as e:
    print("RuntimeError", e)
r = threading.RLock()
with r:
    with r:
        print("reentrant ok")
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    l.acquire(False, 1)
except ValueError as e:
    print("ValueError", e)
# thread exceptions
def bad():
    raise ValueError("in thread")
t = threading.Thread(target=bad, name="worker")
t.start(); t.join()
print("after bad thread")
# thread names and current_thread
names = []
def who():
    names.append(threading.current_thread().name)
ws = [threading.Thread(target=who) for i in range(2)]
for w in ws: w.start()
for w in ws: w.join()
print(names)
# events, conditions, semaphores
ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
ev.set(); print(ev.wait())
sem = threading.BoundedSemaphore(2)
sem.acquire(); sem.release()
try:
    sem.release()
except ValueError as e:
    print("ValueError", e)
# local
loc = threading.local()
loc.x = 1
def see():
    print("thread sees x:", hasattr(loc, "x"))
    loc.x = 2
t = threading.Thread(target=see)
t.start(); t.join()
print("main x:", loc.x)
# queue
q = queue.Queue()
def producer():
    for i in range(5):
        q.put(i)
pt = threading.Thread(target=producer)
pt.start(); pt.join()
out = []
while not q.empty():
    out.append(q.get())
print(out)
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("Empty")
# executor
with ThreadPoolExecutor(max_workers=4) as ex:
    futs = [ex.submit(work, n) for n in (10, 20, 30)]
    print([f.result() for f in futs])
    print(list(ex.map(lambda x: x * 2, range(5))))
    print(sorted(f.result() for f in as_completed(futs)))
    def fail():
        raise KeyError("k")
    f = ex.submit(fail)
    print(type(f.exception()).__name__, f.done())
    print(ex.submit(lambda: threading.current_thread().name).result().startswith("ThreadPoolExecutor-"))
try:
    ex.submit(work, 1)
except RuntimeError as e:
    print("RuntimeError", e)
timer_out = []
tm = threading.Timer(0.01, timer_out.append, args=("fired",))
tm.start(); tm.join(); print(timer_out)
