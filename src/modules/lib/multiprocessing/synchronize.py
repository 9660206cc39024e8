"""Locks, semaphores and events shared by forked processes: Spry's
implementation over pipes. A semaphore's count is the number of tokens
(bytes) in its pipe: acquiring reads one, releasing writes one; an event
is set while its pipe holds a byte."""

import os
import select
import time

__all__ = ['Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Event']


class SemLock:
    def __init__(self, value, maxvalue):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._r, self._w = os.pipe()
        os.set_blocking(self._r, False)
        self._maxvalue = maxvalue
        if value:
            os.write(self._w, b'x' * value)

    def acquire(self, block=True, timeout=None):
        if not block:
            timeout = 0
        deadline = None if timeout is None else time.monotonic() + max(timeout, 0)
        while True:
            try:
                if os.read(self._r, 1):
                    return True
            except BlockingIOError:
                pass
            if deadline is None:
                select.select([self._r], [], [])
            else:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                select.select([self._r], [], [], remaining)

    def release(self):
        os.write(self._w, b'x')

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        return self.release()

    def _count(self):
        # (Reads the tokens and puts them back: only for reprs and
        # get_value, as CPython's sem_getvalue.)
        data = b''
        while True:
            try:
                chunk = os.read(self._r, 4096)
            except BlockingIOError:
                break
            if not chunk:
                break
            data += chunk
        if data:
            os.write(self._w, data)
        return len(data)

    def __reduce__(self):
        raise RuntimeError('%s objects should only be shared between processes'
                           ' through inheritance' % type(self).__name__)


class Semaphore(SemLock):

    def __init__(self, value=1, *, ctx=None):
        SemLock.__init__(self, value, None)

    def get_value(self):
        return self._count()

    def __repr__(self):
        try:
            value = self._count()
        except Exception:
            value = 'unknown'
        return '<%s(value=%s)>' % (self.__class__.__name__, value)


class BoundedSemaphore(Semaphore):

    def __init__(self, value=1, *, ctx=None):
        SemLock.__init__(self, value, value)

    def release(self):
        if self._count() >= self._maxvalue:
            raise ValueError('semaphore or lock released too many times')
        SemLock.release(self)

    def __repr__(self):
        try:
            value = self._count()
        except Exception:
            value = 'unknown'
        return '<%s(value=%s, maxvalue=%s)>' % \
               (self.__class__.__name__, value, self._maxvalue)


class Lock(SemLock):

    def __init__(self, *, ctx=None):
        SemLock.__init__(self, 1, 1)
        self._owner = None

    def acquire(self, block=True, timeout=None):
        if SemLock.acquire(self, block, timeout):
            self._owner = os.getpid()
            return True
        return False

    def release(self):
        if self._count() >= 1:
            raise ValueError('semaphore or lock released too many times')
        self._owner = None
        SemLock.release(self)

    def __repr__(self):
        if self._owner == os.getpid():
            from .process import current_process
            name = current_process().name
        elif self._count():
            name = 'None'
        else:
            name = 'SomeOtherProcess'
        return '<%s(owner=%s)>' % (self.__class__.__name__, name)


class RLock(SemLock):

    def __init__(self, *, ctx=None):
        SemLock.__init__(self, 1, 1)
        self._owner = None
        self._depth = 0

    def acquire(self, block=True, timeout=None):
        me = os.getpid()
        if self._owner == me and self._depth:
            self._depth += 1
            return True
        if SemLock.acquire(self, block, timeout):
            self._owner = me
            self._depth = 1
            return True
        return False

    def release(self):
        if self._owner != os.getpid() or not self._depth:
            raise AssertionError('attempt to release recursive lock not owned by thread')
        self._depth -= 1
        if not self._depth:
            self._owner = None
            SemLock.release(self)

    def __repr__(self):
        if self._owner == os.getpid() and self._depth:
            from .process import current_process
            return '<%s(%s, %s)>' % (self.__class__.__name__, current_process().name, self._depth)
        if self._count():
            return '<%s(None, 0)>' % self.__class__.__name__
        return '<%s(SomeOtherProcess, nonzero)>' % self.__class__.__name__


class Event:

    def __init__(self, *, ctx=None):
        self._r, self._w = os.pipe()
        os.set_blocking(self._r, False)

    def is_set(self):
        r, _, _ = select.select([self._r], [], [], 0)
        return bool(r)

    def set(self):
        if not self.is_set():
            os.write(self._w, b'x')

    def clear(self):
        while True:
            try:
                if not os.read(self._r, 4096):
                    break
            except BlockingIOError:
                break

    def wait(self, timeout=None):
        r, _, _ = select.select([self._r], [], [], timeout)
        return bool(r)

    def __repr__(self) -> str:
        set_status = 'set' if self.is_set() else 'unset'
        return f"<{type(self).__qualname__} at {id(self):#x} {set_status}>"
