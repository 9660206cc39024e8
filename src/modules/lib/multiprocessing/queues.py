"""Queues between processes (`Queue`, `SimpleQueue`): Spry's implementation
over a pipe, with a lock for readers and one for writers (messages as
`Connection` frames them). A `put` writes at once (CPython's `Queue`
hands items to a feeder thread): it waits while the pipe is full (64 KiB)
until a reader takes items."""

import os
import queue as _queue
import time

from .connection import Pipe
from .synchronize import Lock

__all__ = ['Queue', 'SimpleQueue', 'JoinableQueue']


class Queue:

    def __init__(self, maxsize=0, *, ctx=None):
        self._maxsize = maxsize
        self._reader, self._writer = Pipe(duplex=False)
        self._rlock = Lock()
        self._wlock = Lock()
        self._closed = False

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        with self._wlock:
            self._writer.send(obj)

    def get(self, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if block and timeout is None:
            with self._rlock:
                return self._reader.recv()
        deadline = time.monotonic() + (timeout if block else 0)
        if not self._rlock.acquire(block, timeout):
            raise _queue.Empty
        try:
            remaining = max(deadline - time.monotonic(), 0) if block else 0
            if not self._reader.poll(remaining):
                raise _queue.Empty
            return self._reader.recv()
        finally:
            self._rlock.release()

    def qsize(self):
        raise NotImplementedError("Queue.qsize() is not available in Spry")

    def empty(self):
        return not self._reader.poll()

    def full(self):
        return False

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def close(self):
        self._closed = True

    def join_thread(self):
        assert self._closed, "Queue {0!r} not closed".format(self)

    def cancel_join_thread(self):
        pass

    def __reduce__(self):
        raise RuntimeError('Queue objects should only be shared between processes'
                           ' through inheritance')


class JoinableQueue(Queue):

    def __init__(self, maxsize=0, *, ctx=None):
        raise NotImplementedError("multiprocessing.JoinableQueue is not available in Spry")


class SimpleQueue:

    def __init__(self, *, ctx=None):
        self._reader, self._writer = Pipe(duplex=False)
        self._rlock = Lock()
        self._wlock = Lock()

    def close(self):
        self._reader.close()
        self._writer.close()

    def empty(self):
        return not self._reader.poll()

    def get(self):
        with self._rlock:
            return self._reader.recv()

    def put(self, obj):
        with self._wlock:
            self._writer.send(obj)
