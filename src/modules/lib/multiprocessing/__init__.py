"""Process-based parallelism: Spry's implementation of the `multiprocessing`
API that programs use most — `Pool` (`map`, `imap`, `starmap`, `apply_async`,
...), `Process`, `Pipe`, `Queue`, `SimpleQueue`, `Lock`, `RLock`,
`Semaphore`, `Event`, `cpu_count`, `current_process` — over `os.fork`,
pipes and `pickle`.

Processes always start by fork (the start methods 'spawn' and 'forkserver'
are accepted and fork too). Not available: shared memory (`Value`,
`Array`, `shared_memory`), managers, `JoinableQueue`, `Condition`,
`Barrier`.
"""

import atexit as _atexit
import os as _os

from .process import Process, current_process, active_children, parent_process
from .process import _exit_function
from .connection import Pipe
from .queues import Queue, SimpleQueue, JoinableQueue
from .synchronize import Lock, RLock, Semaphore, BoundedSemaphore, Event

__all__ = [
    'Array', 'AuthenticationError', 'Barrier', 'BoundedSemaphore', 'BufferTooShort',
    'Condition', 'Event', 'JoinableQueue', 'Lock', 'Manager', 'Pipe', 'Pool',
    'Process', 'ProcessError', 'Queue', 'RLock', 'RawArray', 'RawValue',
    'Semaphore', 'SimpleQueue', 'TimeoutError', 'Value', 'active_children',
    'allow_connection_pickling', 'cpu_count', 'current_process',
    'freeze_support', 'get_all_start_methods', 'get_context', 'get_logger',
    'get_start_method', 'log_to_stderr', 'parent_process',
    'reducer', 'set_executable', 'set_forkserver_preload', 'set_start_method',
]


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


def cpu_count():
    '''Returns the number of CPUs in the system'''
    num = _os.cpu_count()
    if num is None:
        raise NotImplementedError('cannot determine number of cpus')
    return num


def Pool(processes=None, initializer=None, initargs=(), maxtasksperchild=None):
    '''Returns a process pool object'''
    from .pool import Pool
    return Pool(processes, initializer, initargs, maxtasksperchild)


def freeze_support():
    '''Check whether this is a fake forked process in a frozen executable.
    If so then run code specified by commandline and exit.'''
    pass


def _unavailable(name):
    def f(*args, **kwargs):
        raise NotImplementedError("multiprocessing.%s is not available in Spry" % name)
    f.__name__ = f.__qualname__ = name
    return f


Value = _unavailable('Value')
Array = _unavailable('Array')
RawValue = _unavailable('RawValue')
RawArray = _unavailable('RawArray')
Manager = _unavailable('Manager')
Condition = _unavailable('Condition')
Barrier = _unavailable('Barrier')

_start_method = None


def get_all_start_methods():
    return ['fork', 'spawn', 'forkserver']


def get_start_method(allow_none=False):
    global _start_method
    if _start_method is None and not allow_none:
        _start_method = 'fork'
    return _start_method


def set_start_method(method, force=False):
    global _start_method
    if _start_method is not None and not force:
        raise RuntimeError('context has already been set')
    if method is not None and method not in get_all_start_methods():
        raise ValueError('cannot find context for %r' % method)
    _start_method = method


class _Context:
    """What `get_context(method)` returns: this module's API (every method
    forks)."""

    def __init__(self, method):
        self._name = method

    def get_start_method(self, allow_none=False):
        return self._name

    def __getattr__(self, name):
        if name in __all__ or name in ('Process',):
            return globals()[name]
        raise AttributeError(name)

    def get_context(self, method=None):
        return get_context(method)


def get_context(method=None):
    if method is None:
        method = get_start_method()
    if method not in get_all_start_methods():
        raise ValueError('cannot find context for %r' % method)
    return _Context(method)


def get_logger():
    import logging
    return logging.getLogger('multiprocessing')


def log_to_stderr(level=None):
    import logging
    logger = get_logger()
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter('[%(levelname)s/%(processName)s] %(message)s'))
    logger.addHandler(handler)
    if level:
        logger.setLevel(level)
    return logger


def allow_connection_pickling():
    pass


def set_executable(executable):
    pass


def set_forkserver_preload(module_names):
    pass


reducer = None


def _after_fork():
    """In a new child process: the hooks of the parent's pools are not its
    own."""
    from . import process
    process._exit_hooks.clear()


_atexit.register(_exit_function)
