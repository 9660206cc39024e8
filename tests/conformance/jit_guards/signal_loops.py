# Signal handlers interrupt hot loops, compiled or not: a flag set by a
# handler ends a polling loop; an exception raised by a handler comes out
# inside the loop's function (caught by the try there), also from deep
# recursion with no loop; time.sleep goes on after a handler that returns.
import signal
import sys
import time

done = False

def set_done(signum, frame):
    global done
    done = True

signal.signal(signal.SIGALRM, set_done)

def poll_global():
    n = 0
    while not done:
        n += 1
    return n > 0

signal.setitimer(signal.ITIMER_REAL, 0.05)
print("poll_global:", poll_global())

class Box:
    def __init__(self):
        self.stop = False

box = Box()

def set_box(signum, frame):
    box.stop = True

signal.signal(signal.SIGALRM, set_box)

def poll_attr(b):
    total = 0.0
    i = 0
    while not b.stop:
        total += i * 0.5
        i += 1
    return total >= 0.0

signal.setitimer(signal.ITIMER_REAL, 0.05)
print("poll_attr:", poll_attr(box))

def timeout(signum, frame):
    raise TimeoutError("time is up")

signal.signal(signal.SIGALRM, timeout)

def where(tb):
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    return names

def spin_for():
    acc = 0
    try:
        for i in range(10 ** 12):
            acc = (acc + i * i) % 1000003
    except TimeoutError as e:
        return "spin_for caught: %s" % e
    return "not interrupted"

signal.setitimer(signal.ITIMER_REAL, 0.05)
print(spin_for())

def nested():
    count = 0
    try:
        for i in range(10 ** 9):
            for j in range(100):
                count += j & 3
    except TimeoutError:
        return "nested caught"
    return "not interrupted"

signal.setitimer(signal.ITIMER_REAL, 0.05)
print(nested())

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

for k in range(3):
    signal.setitimer(signal.ITIMER_REAL, 0.03)
    try:
        fib(60)
        print("not interrupted")
    except TimeoutError:
        names = where(sys.exc_info()[2])
        print("fib interrupted:", names[0], names[1], names[-1], set(names[1:-1]))

def inner(xs):
    s = 0
    for x in xs:
        s += x
    return s

def outer():
    xs = list(range(50))
    total = 0
    while True:
        total += inner(xs)

signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    outer()
except TimeoutError:
    names = where(sys.exc_info()[2])
    print("outer interrupted in", names[1], names[-1])

# A handler that returns lets time.sleep sleep the whole time (PEP 475).
ticks = []
signal.signal(signal.SIGALRM, lambda s, f: ticks.append(s))
signal.setitimer(signal.ITIMER_REAL, 0.02)
t0 = time.monotonic()
time.sleep(0.15)
print("sleep:", time.monotonic() - t0 >= 0.15, ticks)
# One that raises ends it.
signal.signal(signal.SIGALRM, timeout)
signal.setitimer(signal.ITIMER_REAL, 0.02)
t0 = time.monotonic()
try:
    time.sleep(5)
except TimeoutError as e:
    print("sleep interrupted:", e, time.monotonic() - t0 < 4)

# Ctrl-C: SIGINT raises KeyboardInterrupt inside the running loop (the
# handler set explicitly: a process started with SIGINT ignored keeps it).
import os
signal.signal(signal.SIGINT, signal.default_int_handler)
def busy():
    n = 0
    try:
        while True:
            n += 1
            if n == 5000:
                os.kill(os.getpid(), signal.SIGINT)
    except KeyboardInterrupt:
        return n
print("KeyboardInterrupt at", busy())
