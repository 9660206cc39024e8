"""ProcessPoolExecutor: Spry's implementation over `multiprocessing.pool`.

Futures are `concurrent.futures` futures; the pool reads its workers'
results while anything waits (`Future.result`, `wait`, `as_completed`,
`Executor.map`, `shutdown`: `_thread._pumps`). A worker's exception comes
back with a `_RemoteTraceback` cause holding the worker's traceback, as in
CPython.
"""

import itertools
import os
from functools import partial

from concurrent.futures import _base

__all__ = ['ProcessPoolExecutor', 'BrokenProcessPool']


class _RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class BrokenProcessPool(_base.BrokenExecutor):
    """
    Raised when a process in a ProcessPoolExecutor terminated abruptly
    while a future was in the running state.
    """


def _get_chunks(*iterables, chunksize):
    """ Iterates over zip()ed iterables in chunks. """
    it = zip(*iterables)
    while True:
        chunk = tuple(itertools.islice(it, chunksize))
        if not chunk:
            return
        yield chunk


def _process_chunk(fn, chunk):
    """ Processes a chunk of an iterable passed to map.

    Runs the function passed to map() on a chunk of the
    iterable passed to map.

    This function is run in a separate process.

    """
    return [fn(*args) for args in chunk]


def _chain_from_iterable_of_lists(iterable):
    """
    Specialized implementation of itertools.chain.from_iterable.
    Each item in *iterable* should be a list.  This function is
    careful not to keep references to yielded objects.
    """
    for element in iterable:
        element.reverse()
        while element:
            yield element.pop()


def _settle(future, ok, value):
    if future.cancelled():
        return
    if ok:
        future.set_result(value)
    else:
        cause = value.__cause__
        tb = getattr(cause, 'tb', None)
        if tb is not None:
            value.__cause__ = _RemoteTraceback(tb)
        future.set_exception(value)


class ProcessPoolExecutor(_base.Executor):
    def __init__(self, max_workers=None, mp_context=None,
                 initializer=None, initargs=(), *, max_tasks_per_child=None):
        """Initializes a new ProcessPoolExecutor instance.

        Args:
            max_workers: The maximum number of processes that can be used to
                execute the given calls. If None or not given then as many
                worker processes will be created as the machine has processors.
            mp_context: A multiprocessing context to launch the workers. This
                object should provide SimpleQueue, Queue and Process.
            initializer: A callable used to initialize worker processes.
            initargs: A tuple of arguments to pass to the initializer.
            max_tasks_per_child: The maximum number of tasks a worker process
                can complete before it will exit and be replaced with a fresh
                worker process.
        """
        if max_workers is None:
            self._max_workers = os.cpu_count() or 1
        else:
            if max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            self._max_workers = max_workers
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
        self._initializer = initializer
        self._initargs = initargs
        self._max_tasks_per_child = max_tasks_per_child
        self._pool = None
        self._futures = []
        self._shutdown_thread = False
        self._broken = False

    def _start(self):
        if self._pool is None:
            from multiprocessing.pool import Pool
            self._pool = Pool(self._max_workers, self._initializer, self._initargs,
                              self._max_tasks_per_child)
        return self._pool

    def submit(self, fn, /, *args, **kwargs):
        if self._broken:
            raise BrokenProcessPool(self._broken)
        if self._shutdown_thread:
            raise RuntimeError('cannot schedule new futures after shutdown')
        f = _base.Future()
        pool = self._start()
        pool.apply_async(fn, args, kwargs,
                         callback=lambda v: _settle(f, True, v),
                         error_callback=lambda e: _settle(f, False, e))
        self._futures = [g for g in self._futures if not g.done()]
        self._futures.append(f)
        return f
    submit.__doc__ = _base.Executor.submit.__doc__

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Returns an iterator equivalent to map(fn, iter).

        Args:
            fn: A callable that will take as many arguments as there are
                passed iterables.
            timeout: The maximum number of seconds to wait. If None, then there
                is no limit on the wait time.
            chunksize: If greater than one, the iterables will be chopped into
                chunks of size chunksize and submitted to the process pool.
                If set to one, the items in the list will be sent one at a time.

        Returns:
            An iterator equivalent to: map(func, *iterables) but the calls may
            be evaluated out-of-order.

        Raises:
            TimeoutError: If the entire result iterator could not be generated
                before the given timeout.
            Exception: If fn(*args) raises for any values.
        """
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")

        results = super().map(partial(_process_chunk, fn),
                              _get_chunks(*iterables, chunksize=chunksize),
                              timeout=timeout)
        return _chain_from_iterable_of_lists(results)

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown_thread = True
        if cancel_futures:
            for f in self._futures:
                f.cancel()
        if self._pool is not None:
            if wait:
                self._pool.close()
                self._pool.join()
                self._pool = None
            else:
                self._pool.close()
        self._futures = []
    shutdown.__doc__ = _base.Executor.shutdown.__doc__
