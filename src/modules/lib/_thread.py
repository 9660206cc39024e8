"""Low-level threads for Spry, which runs one thread at a time.

Spry's interpreter has a single thread of control. A started thread does
not run at once: it waits, as a new thread under CPython's GIL usually
does, until the running thread blocks: joins a thread, waits on a lock,
an event, a condition, a queue or a future, sleeps, or ends the program
(non-daemon threads). Then waiting threads run, each to completion
(`_run_pending`), first started first, with its own identity
(`get_ident`) while it runs.

A running thread cannot be suspended, so a wait that no waiting thread
ends cannot be resumed later. In a thread other than the main thread it
ends the thread silently (`_Parked`), which stays alive, as a thread
blocked forever does in CPython (a worker looping on `queue.get()` after
the last item). In the main thread it raises RuntimeError naming the
problem (CPython would hang, or go on with a thread this one waits for).
A wait with a timeout sleeps for the timeout and fails, as in CPython
when no thread acts in time.
"""

import sys as _sys

error = RuntimeError
TIMEOUT_MAX = 9223372036.0

_MAIN_IDENT = 139869414455104
# The identity of the thread now running, and those of the threads it
# started from (innermost last).
_stack = [_MAIN_IDENT]
_next_ident = [_MAIN_IDENT + 8392704]
_running = [0]


# Threads started and not yet run: (ident, function, args, kwargs).
_pending = []


def _run_pending_one():
    """Runs the first waiting thread to completion; False if none waits."""
    if not _pending:
        return False
    ident, function, args, kwargs = _pending.pop(0)
    _run_as(ident, function, args, kwargs)
    return True


def _run_pending():
    while _run_pending_one():
        pass


# Sources of progress other than threads: `pump(timeout)` waits at most
# `timeout` seconds (None: as long as it takes) for outside work to
# report (a process pool's workers, `multiprocessing.pool`) and says
# whether anything happened. A wait that waiting threads cannot end asks
# them, so a `Future` of a process pool can be waited for like any other.
_pumps = []


def _block_until(ready, timeout, what):
    """A wait: runs waiting threads until `ready()`; then, if it is still
    not, fails after `timeout` seconds (None: raises RuntimeError)."""
    if ready():
        return True
    while _run_pending_one():
        if ready():
            return True
    if _pumps:
        import time
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            progressed = False
            for pump in list(_pumps):
                remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
                if pump(remaining):
                    progressed = True
                    while _run_pending_one():
                        pass
                    if ready():
                        return True
            if not progressed or (deadline is not None and time.monotonic() >= deadline):
                break
        if ready():
            return True
        if timeout is not None:
            return False
    if timeout is None:
        if _stack[-1] != _MAIN_IDENT:
            raise _Parked
        raise _blocked(what)
    if timeout > 0:
        _sleep(timeout)
    return ready()


class _Parked(BaseException):
    """Ends a thread other than the main thread that would wait forever
    (see the module's doc): the thread stays alive, as blocked."""


def _blocked(what):
    return RuntimeError(
        "%s would wait forever: Spry runs one thread at a time, and no "
        "thread that could end the wait is waiting to run (a thread "
        "already running cannot be suspended)" % what
    )


def _check_timeout(blocking, timeout):
    if not blocking and timeout != -1:
        raise ValueError("can't specify a timeout for a non-blocking call")
    if timeout < 0 and timeout != -1:
        raise ValueError("timeout value must be a non-negative number")
    if timeout > TIMEOUT_MAX:
        raise OverflowError("timeout value is too large")


def _sleep(timeout):
    import time

    time.sleep(timeout)


class LockType:
    """A lock: held or not, by no particular thread."""

    def __init__(self):
        self._held = False

    def acquire(self, blocking=True, timeout=-1):
        _check_timeout(blocking, timeout)
        if not self._held:
            self._held = True
            return True
        if not blocking:
            return False
        if not _block_until(lambda: not self._held, None if timeout < 0 else timeout, "acquiring a held lock"):
            return False
        self._held = True
        return True

    acquire_lock = acquire

    def release(self):
        if not self._held:
            raise RuntimeError("release unlocked lock")
        self._held = False

    release_lock = release

    def locked(self):
        return self._held

    locked_lock = locked

    def _at_fork_reinit(self):
        self._held = False

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()

    def __repr__(self):
        return "<%s _thread.lock object at %#x>" % ("locked" if self._held else "unlocked", id(self))


LockType.__name__ = "lock"
LockType.__qualname__ = "lock"
LockType.__module__ = "_thread"


def allocate_lock():
    return LockType()


allocate = allocate_lock


class RLock:
    """A reentrant lock: held by one thread, as many times as it acquired it."""

    def __init__(self):
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        _check_timeout(blocking, timeout)
        me = get_ident()
        if self._count and self._owner == me:
            self._count += 1
            return True
        if not self._count:
            self._owner = me
            self._count = 1
            return True
        if not blocking:
            return False
        if not _block_until(lambda: not self._count, None if timeout < 0 else timeout, "acquiring a lock held by another thread"):
            return False
        self._owner = me
        self._count = 1
        return True

    def release(self):
        if not self._count or self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if not self._count:
            self._owner = None

    def _is_owned(self):
        return bool(self._count) and self._owner == get_ident()

    def _release_save(self):
        if not self._count:
            raise RuntimeError("cannot release un-acquired lock")
        state = (self._count, self._owner)
        self._count = 0
        self._owner = None
        return state

    def _acquire_restore(self, state):
        self._count, self._owner = state

    def _recursion_count(self):
        return self._count if self._owner == get_ident() else 0

    def _at_fork_reinit(self):
        self._owner = None
        self._count = 0

    __enter__ = acquire

    def __exit__(self, *args):
        self.release()

    def __repr__(self):
        return "<%s %s.%s object owner=%r count=%d at %s>" % (
            "locked" if self._count else "unlocked",
            self.__class__.__module__,
            self.__class__.__qualname__,
            self._owner or 0,
            self._count,
            hex(id(self)),
        )


RLock.__module__ = "_thread"


def get_ident():
    return _stack[-1]


def get_native_id():
    import os

    return os.getpid() + (_stack[-1] - _MAIN_IDENT) // 8392704


def _count():
    return _running[0]


def stack_size(size=0):
    if size != 0 and size < 32768:
        raise ValueError("size not valid: %d bytes" % size)
    return 0


def daemon_threads_allowed():
    return True


def interrupt_main(signum=2):
    raise KeyboardInterrupt


def exit():
    raise SystemExit


exit_thread = exit


def _new_ident():
    ident = _next_ident[0]
    _next_ident[0] += 8392704
    return ident


def _run_as(ident, function, args, kwargs):
    """Runs `function(*args, **kwargs)` as thread `ident`, to completion."""
    _stack.append(ident)
    _running[0] += 1
    try:
        return function(*args, **kwargs)
    finally:
        _running[0] -= 1
        _stack.pop()


def start_new_thread(function, args, kwargs=None):
    if not isinstance(args, tuple):
        raise TypeError("2nd arg must be a tuple")
    if kwargs is not None and not isinstance(kwargs, dict):
        raise TypeError("optional 3rd arg must be a dictionary")
    if not callable(function):
        raise TypeError("first arg must be callable")
    ident = _new_ident()
    _pending.append((ident, _bootstrap, (function, args, kwargs or {}), {}))
    return ident


def _bootstrap(function, args, kwargs):
    try:
        function(*args, **kwargs)
    except (SystemExit, _Parked):
        pass
    except BaseException as e:
        from _spry_tb import unraisable

        unraisable(e, "Exception ignored in thread started by: %r" % (function,))
