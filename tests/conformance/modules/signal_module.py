# The signal module: enums, handlers run by raise_signal/os.kill before the
# call returns, SIG_IGN/SIG_DFL, errors, timers.
import os
import signal

# (A process started with SIGINT ignored, as background jobs are, keeps it
# ignored, in CPython and Spry: set the default handler explicitly.)
signal.signal(signal.SIGINT, signal.default_int_handler)

print(repr(signal.SIGINT), repr(signal.SIGTERM), repr(signal.SIGIOT), signal.SIGABRT is signal.SIGIOT)
print(repr(signal.SIG_DFL), repr(signal.SIG_IGN), int(signal.SIGALRM), str(signal.SIGUSR1))
print(type(signal.Signals).__name__, signal.Signals.__module__, len(signal.Signals) > 30)
print(signal.Signals(2), signal.Signals['SIGTERM'], signal.NSIG)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(repr(signal.getsignal(signal.SIGUSR1)), repr(signal.getsignal(signal.SIGTERM)))
print(signal.SIGINT in signal.valid_signals(), 32 in signal.valid_signals(), type(signal.valid_signals()).__name__)
print(signal.strsignal(signal.SIGINT), signal.strsignal(signal.SIGTERM), signal.strsignal(signal.SIGKILL))

seen = []

def handler(signum, frame):
    seen.append((signal.Signals(signum).name, frame.f_code.co_name))

old = signal.signal(signal.SIGUSR1, handler)
print("old:", repr(old), signal.getsignal(signal.SIGUSR1) is handler)

def sender():
    signal.raise_signal(signal.SIGUSR1)
    seen.append("after raise_signal")
    os.kill(os.getpid(), signal.SIGUSR1)
    seen.append("after kill")

sender()
print(seen)

# A handler's exception comes out of the call that let it run.
def failing(signum, frame):
    raise RuntimeError("from handler %d" % signum)

signal.signal(signal.SIGUSR2, failing)
try:
    signal.raise_signal(signal.SIGUSR2)
except RuntimeError as e:
    print("caught:", e)

# Ignored and default-int.
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
signal.raise_signal(signal.SIGUSR1)
print("ignored:", repr(signal.getsignal(signal.SIGUSR1)))
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e), e.args)
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt:
    print("default_int_handler raises KeyboardInterrupt")
prev = signal.signal(signal.SIGINT, handler)
print(prev is signal.default_int_handler)
seen.clear()
signal.raise_signal(signal.SIGINT)
print(seen)
signal.signal(signal.SIGINT, signal.default_int_handler)

# Errors.
for args in [(0, handler), (signal.NSIG, handler), (-1, handler)]:
    try:
        signal.signal(*args)
    except ValueError as e:
        print("ValueError:", e)
for h in [5, "x", None]:
    try:
        signal.signal(signal.SIGUSR1, h)
    except TypeError as e:
        print("TypeError:", e)
try:
    signal.signal(signal.SIGKILL, handler)
except OSError as e:
    print(type(e).__name__, e.errno, e)
try:
    signal.getsignal(99)
except ValueError as e:
    print("ValueError:", e)
signal.raise_signal(0)
for n in (99, -1):
    try:
        signal.raise_signal(n)
    except OSError as e:
        print(type(e).__name__, e)

# Timers.
print(signal.alarm(0), signal.getitimer(signal.ITIMER_REAL))
print(signal.setitimer(signal.ITIMER_REAL, 0))
try:
    signal.setitimer(12345, 1.0)
except signal.ItimerError as e:
    print("ItimerError", isinstance(e, OSError), e.errno)
fired = []
signal.signal(signal.SIGALRM, lambda s, f: fired.append(s))
signal.setitimer(signal.ITIMER_REAL, 0.01)
signal.pause()
print("pause returned after", fired)
delay, interval = signal.setitimer(signal.ITIMER_REAL, 10.0, 0.5)
print(delay, interval)
delay, interval = signal.setitimer(signal.ITIMER_REAL, 0)
print(9.0 < delay <= 10.0, interval)
print(signal.alarm(0))
