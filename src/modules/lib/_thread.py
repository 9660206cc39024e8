"""Spry runs one thread: locks that are always available."""

error = RuntimeError
TIMEOUT_MAX = 9223372036.0


class LockType:
    def __init__(self):
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        self._count += 1
        return True

    def release(self):
        if self._count == 0:
            raise RuntimeError("release unlocked lock")
        self._count -= 1

    def locked(self):
        return self._count > 0

    __enter__ = acquire

    def __exit__(self, *args):
        self.release()


allocate_lock = LockType
RLock = LockType


def get_ident():
    return 1


def get_native_id():
    return 1


def _count():
    return 0
