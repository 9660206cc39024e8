"""Implements ThreadPoolExecutor for Spry, which runs one thread at a time.

(Spry's own.) A submitted task waits to run, as a thread does in Spry
(see `_thread`), until the submitting thread blocks: on a future's
`result`, `as_completed`, `wait`, `shutdown` (the end of a `with` block)
or another wait. It then runs to completion in a worker thread of the
pool (its `threading.current_thread()` is the worker, named as in
CPython: `ThreadPoolExecutor-N_M`). Results, exceptions, `map`,
`as_completed` and `wait` behave as in CPython for tasks that do not wait
for one another.
"""

import collections
import itertools
import os
import threading
import _thread

from concurrent.futures import _base


class BrokenThreadPool(_base.BrokenExecutor):
    """
    Raised when a worker thread in a ThreadPoolExecutor failed initializing.
    """


class _WorkItem(object):
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            self = None
        else:
            self.future.set_result(result)

    __class_getitem__ = classmethod(__import__("types").GenericAlias)


class _Worker(threading.Thread):
    """A pool's worker: a thread that runs the pool's tasks one by one."""

    def __init__(self, name):
        threading.Thread.__init__(self, name=name, daemon=False)
        self._ident = _thread._new_ident()
        self._started.set()
        self._initialized_ok = None

    def queue_task(self, executor, item):
        _thread._pending.append((self._ident, self._run_task, (executor, item), {}))

    def _run_task(self, executor, item):
        threading._active[self._ident] = self
        try:
            self._run_task_inner(executor, item)
        except _thread._Parked:
            # A task that waits forever: its future never completes.
            pass
        finally:
            threading._active.pop(self._ident, None)
            executor._unfinished -= 1
            if executor._queued:
                executor._queued.popleft()

    def _run_task_inner(self, executor, item):
        if self._initialized_ok is None:
            self._native_id = threading.get_native_id()
            self._initialized_ok = True
            if executor._initializer is not None:
                try:
                    executor._initializer(*executor._initargs)
                except BaseException:
                    _base.LOGGER.critical("Exception in initializer:", exc_info=True)
                    self._initialized_ok = False
                    executor._initializer_failed()
        if self._initialized_ok:
            item.run()
        elif not item.future.done():
            item.future.set_exception(BrokenThreadPool(executor._broken))


class ThreadPoolExecutor(_base.Executor):

    # Used to assign unique thread names when thread_name_prefix is not supplied.
    _counter = itertools.count().__next__

    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        if max_workers is None:
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")

        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")

        self._max_workers = max_workers
        self._workers = []
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = thread_name_prefix or ("ThreadPoolExecutor-%d" % self._counter())
        self._initializer = initializer
        self._initargs = initargs
        self._unfinished = 0
        # The futures of the tasks waiting to run, in order.
        self._queued = collections.deque()

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")

            f = _base.Future()
            w = _WorkItem(f, fn, args, kwargs)
        # One worker runs the tasks, one after the other (each runs to
        # completion; CPython's pool reuses an idle thread likewise).
        if not self._workers:
            self._workers.append(_Worker("%s_%d" % (self._thread_name_prefix, 0)))
        self._unfinished += 1
        self._queued.append(f)
        self._workers[0].queue_task(self, w)
        return f

    submit.__doc__ = _base.Executor.submit.__doc__

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = "A thread initializer failed, the thread pool is not usable anymore"

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                for f in self._queued:
                    f.cancel()
        self._queued = collections.deque()
        if wait:
            _thread._block_until(lambda: self._unfinished == 0, None, "ThreadPoolExecutor.shutdown()")
        for w in self._workers:
            w._is_stopped = True

    shutdown.__doc__ = _base.Executor.shutdown.__doc__
