import threading, queue, time
# the queue documentation's worker pattern
q = queue.Queue()
done = []
def worker():
    while True:
        item = q.get()
        done.append(item * item)
        q.task_done()
threading.Thread(target=worker, daemon=True).start()
for item in range(10):
    q.put(item)
q.join()
print("All work completed", sum(done))
# workers with sentinels
q2 = queue.Queue()
out = []
def w2(k):
    while True:
        x = q2.get()
        if x is None:
            break
        out.append((k, x))
ws = [threading.Thread(target=w2, args=(k,)) for k in range(3)]
for w in ws: w.start()
for i in range(6): q2.put(i)
for w in ws: q2.put(None)
for w in ws: w.join()
print(sorted(x for _, x in out), all(not w.is_alive() for w in ws))
# condition: consumer waits, producer notifies
cond = threading.Condition()
items = []
def consumer():
    with cond:
        cond.wait_for(lambda: items)
        print("consumer got", items.pop())
c = threading.Thread(target=consumer)
c.start()
def producer():
    with cond:
        items.append(42)
        cond.notify()
p = threading.Thread(target=producer)
p.start()
c.join(); p.join()
# event set by a thread while main waits
ev = threading.Event()
threading.Thread(target=lambda: ev.set()).start()
print("event", ev.wait())
# barrier
b = threading.Barrier(3)
order = []
def bw(i):
    order.append(("before", i))
    b.wait()
    order.append(("after", i))
ts = [threading.Thread(target=bw, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(o for o in order if o[0] == "before") == [("before", i) for i in range(3)], len(order))
# timer cancelled before it fires
fired = []
t = threading.Timer(5, fired.append, args=(1,))
t.start(); t.cancel(); t.join()
print("timer", fired)
# sleep lets threads run
flag = []
threading.Thread(target=lambda: flag.append(1)).start()
time.sleep(0.05)
print("after sleep", flag)
# a wait no thread can end, with a timeout
lk = threading.Lock()
lk.acquire()
print("timed acquire", lk.acquire(timeout=0.01))
print("main end")
