"""Processes (`Process`, `current_process`, `active_children`): Spry's
implementation, always by `os.fork` (CPython's default start method on
Linux); the names, identities, exit codes and reprs are CPython's."""

import itertools
import os
import signal
import sys

__all__ = ['BaseProcess', 'Process', 'current_process', 'parent_process', 'active_children']


def _flush_std_streams():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, ValueError):
            pass


class BaseProcess:
    """Process objects represent activity that is run in a separate process."""

    _start_method = 'fork'

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={},
                 *, daemon=None):
        assert group is None, 'group argument must be None for now'
        count = next(_process_counter)
        self._identity = _current_process._identity + (count,)
        self._config = _current_process._config.copy()
        self._parent_pid = os.getpid()
        self._parent_name = _current_process.name
        self._pid = None
        self._returncode = None
        self._started = False
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + '-' + ':'.join(str(i) for i in self._identity)
        if daemon is not None:
            self.daemon = daemon

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def run(self):
        """Method to be run in sub-process; can be overridden in sub-class"""
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        """Start child process"""
        self._check_closed()
        assert not self._started, 'cannot start a process twice'
        assert self._parent_pid == os.getpid(), \
            'can only start a process object created by current process'
        assert not _current_process._config.get('daemon'), \
            'daemonic processes are not allowed to have children'
        _cleanup()
        _flush_std_streams()
        # The sentinel: readable (end of file) once the child has ended
        # and its copy of the write end is closed.
        sentinel_r, sentinel_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                os.close(sentinel_r)
                code = self._bootstrap()
            finally:
                os._exit(code)
        os.close(sentinel_w)
        self._sentinel = sentinel_r
        self._pid = pid
        self._started = True
        _children.add(self)

    def _poll(self, flag=os.WNOHANG):
        if self._returncode is None and self._pid is not None:
            try:
                pid, sts = os.waitpid(self._pid, flag)
            except ChildProcessError:
                return None
            if pid == self._pid:
                self._returncode = os.waitstatus_to_exitcode(sts)
        return self._returncode

    def terminate(self):
        """Terminate process; sends SIGTERM signal or uses TerminateProcess()"""
        self._check_closed()
        self._send_signal(signal.SIGTERM)

    def kill(self):
        """Terminate process; sends SIGKILL signal or uses TerminateProcess()"""
        self._check_closed()
        self._send_signal(signal.SIGKILL)

    def _send_signal(self, sig):
        if self._returncode is None and self._pid is not None:
            try:
                os.kill(self._pid, sig)
            except ProcessLookupError:
                pass

    def join(self, timeout=None):
        """Wait until child process terminates"""
        self._check_closed()
        assert self._parent_pid == os.getpid(), 'can only join a child process'
        assert self._started, 'can only join a started process'
        if timeout is None:
            res = self._poll(0)
        else:
            import time
            deadline = time.monotonic() + timeout
            delay = 0.0005
            while True:
                res = self._poll()
                if res is not None:
                    break
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                time.sleep(min(delay, remaining))
                delay = min(delay * 2, 0.05)
        if res is not None:
            _children.discard(self)

    def is_alive(self):
        """Return whether process is alive"""
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == os.getpid(), 'can only test a child process'
        if not self._started:
            return False
        returncode = self._poll()
        if returncode is None:
            return True
        _children.discard(self)
        return False

    def close(self):
        """Close the Process object.

        This method releases resources held by the Process object.  It is
        an error to call this method if the child process is still running.
        """
        if self._started and not self._closed:
            if self._poll() is None:
                raise ValueError("Cannot close a process while it is still running. "
                                 "You should first call join() or terminate().")
        _children.discard(self)
        sentinel = getattr(self, '_sentinel', None)
        if sentinel is not None:
            try:
                os.close(sentinel)
            except OSError:
                pass
            self._sentinel = None
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        """Return whether process is a daemon"""
        return self._config.get('daemon', False)

    @daemon.setter
    def daemon(self, daemonic):
        """Set whether process is a daemon"""
        assert not self._started, 'process has already started'
        self._config['daemon'] = daemonic

    @property
    def authkey(self):
        return self._config.get('authkey', b'')

    @authkey.setter
    def authkey(self, authkey):
        self._config['authkey'] = bytes(authkey)

    @property
    def exitcode(self):
        """Return exit code of process or `None` if it has yet to stop"""
        self._check_closed()
        if not self._started:
            return None
        return self._poll()

    @property
    def ident(self):
        """Return identifier (PID) of process or `None` if it has yet to start"""
        self._check_closed()
        if self is _current_process:
            return os.getpid()
        return self._pid

    pid = ident

    @property
    def sentinel(self):
        '''
        Return a file descriptor (Unix) or handle (Windows) suitable for
        waiting for process termination.
        '''
        self._check_closed()
        try:
            return self._sentinel
        except AttributeError:
            raise ValueError("process not started") from None

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != os.getpid():
            status = 'unknown'
        elif not self._started:
            status = 'initial'
        else:
            exitcode = self._poll()
            status = 'stopped' if exitcode is not None else 'started'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._started:
            info.append('pid=%s' % self._pid)
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            exitcode = _exitcode_to_name.get(exitcode, exitcode)
            info.append('exitcode=%s' % exitcode)
        if self.daemon:
            info.append('daemon')
        return '<%s>' % ' '.join(info)

    def _bootstrap(self):
        global _current_process, _parent_process, _process_counter, _children
        from . import _after_fork
        try:
            _parent_process = _ParentProcess(self._parent_name, self._parent_pid)
            _children = set()
            _process_counter = itertools.count(1)
            _current_process = self
            _after_fork()
            import _thread
            _thread._pumps.clear()
            try:
                self.run()
                exitcode = 0
            finally:
                _exit_function()
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                sys.stderr.write(str(e.code) + '\n')
                exitcode = 1
        except:
            exitcode = 1
            import traceback
            sys.stderr.write('Process %s:\n' % self.name)
            traceback.print_exc()
        finally:
            _flush_std_streams()
        return exitcode


class Process(BaseProcess):
    pass


class _MainProcess(BaseProcess):

    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._pid = None
        self._started = True
        self._closed = False
        self._returncode = None
        self._target = None
        self._config = {'authkey': os.urandom(32), 'semprefix': '/mp'}

    def close(self):
        pass


class _ParentProcess(BaseProcess):

    def __init__(self, name, pid):
        self._identity = ()
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._started = True
        self._closed = False
        self._returncode = None
        self._config = {}

    def is_alive(self):
        try:
            os.kill(self._pid, 0)
        except OSError:
            return False
        return True

    @property
    def ident(self):
        return self._pid

    pid = ident

    def join(self, timeout=None):
        import time
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.is_alive():
            if deadline is not None and time.monotonic() >= deadline:
                return
            time.sleep(0.01)


_current_process = _MainProcess()
_parent_process = None
_process_counter = itertools.count(1)
_children = set()

_exitcode_to_name = {}
for _name, _signum in list(signal.__dict__.items()):
    if _name[:3] == 'SIG' and '_' not in _name and isinstance(_signum, int):
        _exitcode_to_name[-int(_signum)] = f'-{_name}'
del _name, _signum


def current_process():
    """Return process object representing the current process"""
    return _current_process


def parent_process():
    """Return process object representing the parent process"""
    return _parent_process


def _cleanup():
    # check for processes which have finished
    for p in list(_children):
        if p._poll() is not None:
            _children.discard(p)


def active_children():
    """Return list of process objects corresponding to live child processes"""
    _cleanup()
    return list(_children)


_exit_hooks = []


def _exit_function():
    """At the end of a process: the exit hooks (pools' workers ended,
    queues flushed), then daemonic children terminated and the others
    joined, as CPython's `util._exit_function`."""
    for hook in reversed(_exit_hooks):
        try:
            hook()
        except Exception:
            pass
    for p in active_children():
        if p.daemon:
            p.terminate()
    for p in active_children():
        p.join()
