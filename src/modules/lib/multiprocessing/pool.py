"""Process pools (`Pool`, `ThreadPool`): Spry's implementation.

A `Pool` forks its worker processes when it is made. Each worker has a
task pipe and a result pipe to the parent; the parent sends a task (a
pickled chunk of calls) to an idle worker and reads results when it waits
for them (`map`, `get`, `join`, iterating an `imap`): there are no helper
threads, so callbacks run in the waiting call. Work is split in chunks as
CPython's pool splits it, results come back in order, an exception in a
worker is raised in the parent with the worker's traceback as its cause
(`RemoteTraceback`), and what cannot be pickled (a lambda) fails as in
CPython. Differences: `imap` and `imap_unordered` read their whole
iterable when called; `ThreadPool` runs its tasks in the calling thread.
"""

import collections
import itertools
import marshal
import os
import pickle
import select
import struct
import sys
import traceback

import _thread

from .connection import Connection
from . import TimeoutError
from . import process as _process

__all__ = ['Pool', 'ThreadPool']

INIT = "INIT"
RUN = "RUN"
CLOSE = "CLOSE"
TERMINATE = "TERMINATE"

job_counter = itertools.count()


def mapstar(args):
    return list(map(*args))


def starmapstar(args):
    return list(itertools.starmap(args[0], args[1]))


class RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class ExceptionWithTraceback:
    def __init__(self, exc, tb):
        tb = traceback.format_exception(type(exc), exc, tb)
        tb = ''.join(tb)
        self.exc = exc
        self.tb = '\n"""\n%s"""' % tb

    def __reduce__(self):
        return rebuild_exc, (self.exc, self.tb)


def rebuild_exc(exc, tb):
    exc.__cause__ = RemoteTraceback(tb)
    return exc


class MaybeEncodingError(Exception):
    """Wraps possible unpickleable errors, so they can be
    safely sent through the socket."""

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super(MaybeEncodingError, self).__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, self)


# Tasks and results cross the pipes as `struct` headers, the function
# pickled (once per function and kind, `_Encoder`), and the data marshalled
# when marshal can (`_spry_marshal`, native) or pickled when it cannot:
# pickle.py runs in Python and would cost more than most tasks.

_MARSHAL = b'M'
_PICKLE = b'P'


def _pack_data(obj):
    try:
        return _MARSHAL + marshal.dumps(obj)
    except ValueError:
        return _PICKLE + pickle.dumps(obj)


def _unpack_data(data):
    if data[:1] == _MARSHAL:
        return marshal.loads(data[1:])
    return pickle.loads(data[1:])


class _Encoder:
    """Encodes tasks `(job, i, func, args, kwds)` (`func` is `mapstar` or
    `starmapstar` with `args` `((function, chunk),)` for the map methods)."""

    def __init__(self):
        self._heads = {}

    def encode(self, task):
        job, i, func, args, kwds = task
        if func is mapstar or func is starmapstar:
            kind = 'map' if func is mapstar else 'starmap'
            target, body = args[0]
        else:
            kind, target, body = 'apply', func, (args, kwds)
        key = (kind, id(target))
        head = self._heads.get(key)
        if head is None or head[0] is not target:
            head = (target, pickle.dumps((kind, target)))
            self._heads[key] = head
        hp = head[1]
        return struct.pack('!qqI', job, i, len(hp)) + hp + _pack_data(body)


def _run_task(data, heads):
    job, i, hl = struct.unpack('!qqI', data[:20])
    hp = data[20:20 + hl]
    head = heads.get(hp)
    if head is None:
        head = heads[hp] = pickle.loads(hp)
    kind, target = head
    try:
        body = _unpack_data(data[20 + hl:])
        if kind == 'map':
            value = list(map(target, body))
        elif kind == 'starmap':
            value = list(itertools.starmap(target, body))
        else:
            args, kwds = body
            value = target(*args, **kwds)
        result = (True, value)
    except Exception as e:
        result = (False, ExceptionWithTraceback(e, e.__traceback__))
    return job, i, result


def _encode_result(job, i, result):
    head = struct.pack('!qq?', job, i, result[0])
    if result[0]:
        try:
            return head + _pack_data(result[1])
        except Exception as e:
            result = (False, MaybeEncodingError(e, result[1]))
    try:
        return struct.pack('!qq?', job, i, False) + _PICKLE + pickle.dumps(result[1])
    except Exception as e:
        return struct.pack('!qq?', job, i, False) + _PICKLE + pickle.dumps(MaybeEncodingError(e, result[1]))


def _decode_result(data):
    job, i, ok = struct.unpack('!qq?', data[:17])
    return job, i, (ok, _unpack_data(data[17:]))


def _worker(task_conn, result_conn, initializer, initargs, maxtasks):
    if initializer is not None:
        initializer(*initargs)
    completed = 0
    heads = {}
    while maxtasks is None or completed < maxtasks:
        try:
            data = task_conn.recv_bytes()
        except (EOFError, OSError):
            break
        if not data:
            break
        job, i, result = _run_task(data, heads)
        result_conn.send_bytes(_encode_result(job, i, result))
        completed += 1


class _Worker:
    def __init__(self, pid, tasks, results):
        self.pid = pid
        self.tasks = tasks
        self.results = results
        self.task = None
        self.completed = 0


class Pool:
    """Class which supports an async version of applying functions to arguments."""

    _wrap_exception = True

    def __init__(self, processes=None, initializer=None, initargs=(),
                 maxtasksperchild=None, context=None):
        self._state = INIT
        self._pool = []
        self._cache = {}
        self._taskqueue = collections.deque()
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._initializer = initializer
        self._initargs = initargs
        self._maxtasksperchild = maxtasksperchild
        self._owner = os.getpid()
        self._encoder = _Encoder()
        for _ in range(processes):
            self._spawn()
        self._state = RUN
        _process._exit_hooks.append(self._exit_hook)
        # Waits elsewhere (a `concurrent.futures` future, a `threading`
        # event set by a callback) read this pool's results.
        _thread._pumps.append(self._pump)

    # ----- workers

    def _spawn(self):
        task_r, task_w = os.pipe()
        result_r, result_w = os.pipe()
        _process._flush_std_streams()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                os.close(task_w)
                os.close(result_r)
                for w in self._pool:
                    for fd in (w.tasks._wfd, w.results._rfd):
                        try:
                            os.close(fd)
                        except OSError:
                            pass
                _process._exit_hooks.clear()
                _thread._pumps.clear()
                _worker(Connection(task_r, None), Connection(None, result_w),
                        self._initializer, self._initargs, self._maxtasksperchild)
            except SystemExit as e:
                code = e.code if isinstance(e.code, int) else 1
            except BaseException:
                traceback.print_exc()
                code = 1
            finally:
                _process._flush_std_streams()
                os._exit(code)
        os.close(task_r)
        os.close(result_w)
        self._pool.append(_Worker(pid, Connection(None, task_w), Connection(result_r, None)))

    def _reap(self, w):
        self._pool.remove(w)
        w.tasks.close()
        w.results.close()
        try:
            os.waitpid(w.pid, 0)
        except ChildProcessError:
            pass

    def _dispatch(self):
        if self._maxtasksperchild is not None:
            # Workers that did their tasks leave: replaced.
            for w in [w for w in self._pool if w.task is None and w.completed >= self._maxtasksperchild]:
                self._reap(w)
                if self._state != TERMINATE:
                    self._spawn()
        for w in list(self._pool):
            while w.task is None and self._taskqueue:
                task = self._taskqueue.popleft()
                job = task[0]
                if job not in self._cache:
                    continue
                try:
                    data = self._encoder.encode(task)
                except Exception as e:
                    self._cache[job]._set(task[1], (False, e))
                    continue
                w.task = task
                try:
                    w.tasks.send_bytes(data)
                except OSError:
                    # (The worker ended: its task goes to another.)
                    w.task = None
                    self._taskqueue.appendleft(task)
                    self._reap(w)
                    if self._state != TERMINATE:
                        self._spawn()
                    break

    def _pump(self, timeout=None):
        """Sends waiting tasks to idle workers, waits (at most `timeout`
        seconds) for results and records them. False when nothing runs."""
        self._dispatch()
        busy = [w for w in self._pool if w.task is not None]
        if not busy and self._taskqueue:
            # (Workers replaced while dispatching get their tasks now.)
            self._dispatch()
            busy = [w for w in self._pool if w.task is not None]
        if not busy:
            return False
        ready, _, _ = select.select([w.results._rfd for w in busy], [], [], timeout)
        for w in busy:
            if w.results._rfd not in ready:
                continue
            try:
                job, i, result = _decode_result(w.results.recv_bytes())
            except (EOFError, OSError):
                task, w.task = w.task, None
                self._reap(w)
                if task is not None and task[0] in self._cache:
                    self._cache[task[0]]._set(task[1], (False, RuntimeError(
                        "a worker process of the pool ended while running a task")))
                if self._state == RUN:
                    self._spawn()
                continue
            w.task = None
            w.completed += 1
            if job in self._cache:
                self._cache[job]._set(i, result)
        self._dispatch()
        return True

    def _wait_until(self, done, timeout=None):
        if timeout is None:
            while not done():
                if not self._pump():
                    break
            return
        import time
        deadline = time.monotonic() + timeout
        while not done():
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self._pump(remaining):
                break

    # ----- public API

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def apply(self, func, args=(), kwds={}):
        '''
        Equivalent of `func(*args, **kwds)`.
        Pool must be running.
        '''
        return self.apply_async(func, args, kwds).get()

    def map(self, func, iterable, chunksize=None):
        '''
        Apply `func` to each element in `iterable`, collecting the results
        in a list that is returned.
        '''
        return self._map_async(func, iterable, mapstar, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        '''
        Like `map()` method but the elements of the `iterable` are expected to
        be iterables as well and will be unpacked as arguments. Hence
        `func` and (a, b) becomes func(a, b).
        '''
        return self._map_async(func, iterable, starmapstar, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None,
                      error_callback=None):
        '''
        Asynchronous version of `starmap()` method.
        '''
        return self._map_async(func, iterable, starmapstar, chunksize,
                               callback, error_callback)

    def imap(self, func, iterable, chunksize=1):
        '''
        Equivalent of `map()` -- can be MUCH slower than `Pool.map()`.
        '''
        return self._imap(IMapIterator, func, iterable, chunksize,
                          "Chunksize must be 1+, not {0:n}")

    def imap_unordered(self, func, iterable, chunksize=1):
        '''
        Like `imap()` method but ordering of results is arbitrary.
        '''
        return self._imap(IMapUnorderedIterator, func, iterable, chunksize,
                          "Chunksize must be 1+, not {0!r}")

    def _imap(self, iterator, func, iterable, chunksize, message):
        self._check_running()
        if chunksize == 1:
            tasks = [(func, (x,)) for x in iterable]
        else:
            if chunksize < 1:
                raise ValueError(message.format(chunksize))
            tasks = [(mapstar, (x,)) for x in Pool._get_tasks(func, iterable, chunksize)]
        result = iterator(self)
        result._set_length(len(tasks))
        for i, (f, args) in enumerate(tasks):
            self._taskqueue.append((result._job, i, f, args, {}))
        if chunksize == 1:
            return result
        return (item for chunk in result for item in chunk)

    def apply_async(self, func, args=(), kwds={}, callback=None,
                    error_callback=None):
        '''
        Asynchronous version of `apply()` method.
        '''
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._taskqueue.append((result._job, 0, func, tuple(args), dict(kwds)))
        self._dispatch()
        return result

    def map_async(self, func, iterable, chunksize=None, callback=None,
                  error_callback=None):
        '''
        Asynchronous version of `map()` method.
        '''
        return self._map_async(func, iterable, mapstar, chunksize, callback,
                               error_callback)

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None,
                   error_callback=None):
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        task_batches = Pool._get_tasks(func, iterable, chunksize)
        result = MapResult(self, chunksize, len(iterable), callback,
                           error_callback=error_callback)
        for i, x in enumerate(task_batches):
            self._taskqueue.append((result._job, i, mapper, (x,), {}))
        self._dispatch()
        return result

    @staticmethod
    def _get_tasks(func, it, size):
        it = iter(it)
        while 1:
            x = tuple(itertools.islice(it, size))
            if not x:
                return
            yield (func, x)

    def __reduce__(self):
        raise NotImplementedError(
            'pool objects cannot be passed between processes or pickled'
        )

    def close(self):
        if self._state == RUN:
            self._state = CLOSE

    def terminate(self):
        self._state = TERMINATE
        for job in list(self._cache.values()):
            job._cancel()
        self._taskqueue.clear()
        self._forget()
        for w in list(self._pool):
            try:
                os.kill(w.pid, 15)
            except ProcessLookupError:
                pass
            self._reap(w)

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        if self._state == CLOSE:
            self._wait_until(lambda: not self._cache)
            for w in list(self._pool):
                try:
                    w.tasks.send_bytes(b'')
                except OSError:
                    pass
                self._reap(w)
        self._forget()

    def _forget(self):
        if self._exit_hook in _process._exit_hooks:
            _process._exit_hooks.remove(self._exit_hook)
        if self._pump in _thread._pumps:
            _thread._pumps.remove(self._pump)

    def _exit_hook(self):
        if os.getpid() == self._owner and self._pool:
            self.terminate()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()

    def __repr__(self):
        cls = self.__class__
        return (f'<{cls.__module__}.{cls.__qualname__} '
                f'state={self._state} '
                f'pool_size={len(self._pool)}>')


class ApplyResult:

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._job = next(job_counter)
        self._cache = pool._cache
        self._callback = callback
        self._error_callback = error_callback
        self._ready = False
        self._cache[self._job] = self

    def ready(self):
        return self._ready

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._pool._wait_until(self.ready, timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        else:
            raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._ready = True
        del self._cache[self._job]

    def _cancel(self):
        self._cache.pop(self._job, None)


AsyncResult = ApplyResult       # create alias -- see #17805


class MapResult(ApplyResult):

    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback,
                             error_callback=error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._ready = True
            del self._cache[self._job]
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
            if self._number_left == 0:
                if self._callback:
                    self._callback(self._value)
                del self._cache[self._job]
                self._ready = True
        else:
            if not success and self._success:
                # only store first exception
                self._success = False
                self._value = result
            if self._number_left == 0:
                # only consider the result ready once all jobs are done
                if self._error_callback:
                    self._error_callback(self._value)
                del self._cache[self._job]
                self._ready = True


class IMapIterator:

    def __init__(self, pool):
        self._pool = pool
        self._job = next(job_counter)
        self._cache = pool._cache
        self._items = collections.deque()
        self._index = 0
        self._length = None
        self._unsorted = {}
        self._cache[self._job] = self

    def __iter__(self):
        return self

    def next(self, timeout=None):
        while not self._items:
            if self._index == self._length:
                self._cache.pop(self._job, None)
                raise StopIteration from None
            before = (self._index, len(self._items))
            self._pool._wait_until(lambda: bool(self._items), timeout)
            if not self._items and timeout is not None:
                raise TimeoutError from None
            if not self._items and before == (self._index, len(self._items)):
                raise RuntimeError("pool stopped before the results came")
        success, value = self._items.popleft()
        if success:
            return value
        raise value

    __next__ = next                    # XXX

    def _set(self, i, obj):
        if self._index == i:
            self._items.append(obj)
            self._index += 1
            while self._index in self._unsorted:
                obj = self._unsorted.pop(self._index)
                self._items.append(obj)
                self._index += 1
        else:
            self._unsorted[i] = obj
        if self._index == self._length:
            self._cache.pop(self._job, None)

    def _set_length(self, length):
        self._length = length
        if self._index == self._length:
            self._cache.pop(self._job, None)

    def _cancel(self):
        self._cache.pop(self._job, None)


class IMapUnorderedIterator(IMapIterator):

    def _set(self, i, obj):
        self._items.append(obj)
        self._index += 1
        if self._index == self._length:
            self._cache.pop(self._job, None)


class ThreadPool(Pool):
    """A pool of "threads": Spry runs one thread at a time, so the tasks
    run in the calling thread, in order, when they are submitted."""

    _wrap_exception = False

    def __init__(self, processes=None, initializer=None, initargs=()):
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._state = RUN
        self._pool = [None] * processes
        self._cache = {}
        self._taskqueue = collections.deque()
        self._processes = processes
        self._maxtasksperchild = None
        self._owner = os.getpid()
        if initializer is not None:
            for _ in range(processes):
                initializer(*initargs)

    def _dispatch(self):
        while self._taskqueue:
            job, i, func, args, kwds = self._taskqueue.popleft()
            if job not in self._cache:
                continue
            try:
                result = (True, func(*args, **kwds))
            except Exception as e:
                result = (False, e)
            if job in self._cache:
                self._cache[job]._set(i, result)

    def _pump(self, timeout=None):
        self._dispatch()
        return False

    def terminate(self):
        self._state = TERMINATE
        for job in list(self._cache.values()):
            job._cancel()
        self._taskqueue.clear()

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        self._dispatch()
