"""OS routines for Spry (a compact version of CPython's os module).

This exports:
  - all functions from posix
  - os.path is posixpath
  - os.name is 'posix'
  - os.curdir, os.pardir, os.sep, os.extsep, os.altsep, os.pathsep,
    os.defpath, os.linesep, os.devnull
"""

import sys
import stat as st
from posix import *
import posix as _posix
_exit = _posix._exit

name = 'posix'
linesep = '\n'
curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

error = OSError

_at_fork_before = []
_at_fork_child = []
_at_fork_parent = []


def register_at_fork(*args, before=None, after_in_child=None, after_in_parent=None):
    """Register callables to be called when forking a new process."""
    if args:
        raise TypeError("register_at_fork() takes no positional arguments")
    if before is None and after_in_child is None and after_in_parent is None:
        raise TypeError("At least one argument is required.")
    for name, f in (('before', before), ('after_in_child', after_in_child),
                    ('after_in_parent', after_in_parent)):
        if f is not None and not callable(f):
            raise TypeError("'%s' must be callable, not %s" % (name, type(f).__name__))
    if before is not None:
        _at_fork_before.append(before)
    if after_in_child is not None:
        _at_fork_child.append(after_in_child)
    if after_in_parent is not None:
        _at_fork_parent.append(after_in_parent)


def _run_fork_hooks(hooks):
    for f in hooks:
        try:
            f()
        except BaseException as exc:
            from _spry_tb import unraisable
            unraisable(exc, "Exception ignored in: %r" % (f,))
            del exc


def fork():
    """Fork a child process.

    Return 0 to child process and PID of child to parent process."""
    # (CPython runs the `before` hooks last registered first.)
    _run_fork_hooks(reversed(_at_fork_before))
    pid = _posix.fork()
    _run_fork_hooks(_at_fork_child if pid == 0 else _at_fork_parent)
    return pid

import posixpath as path
sys.modules['os.path'] = path


class stat_result(tuple):
    """stat_result: Result from stat, fstat, or lstat."""
    n_sequence_fields = 10
    n_fields = 15
    n_unnamed_fields = 3

    def __new__(cls, values):
        self = tuple.__new__(cls, values[:7] + tuple(int(v) for v in values[7:10]))
        self._extra = values
        return self

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self._extra[7])
    st_mtime = property(lambda self: self._extra[8])
    st_ctime = property(lambda self: self._extra[9])
    st_atime_ns = property(lambda self: self._extra[10])
    st_mtime_ns = property(lambda self: self._extra[11])
    st_ctime_ns = property(lambda self: self._extra[12])
    st_blksize = property(lambda self: self._extra[13])
    st_blocks = property(lambda self: self._extra[14])

    def __repr__(self):
        names = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid",
                 "st_size", "st_atime", "st_mtime", "st_ctime")
        return "os.stat_result(%s)" % ", ".join("%s=%r" % (n, v) for n, v in zip(names, self))


class terminal_size(tuple):
    """A tuple of (columns, lines) for holding terminal window size"""
    n_sequence_fields = 2
    n_fields = 2
    n_unnamed_fields = 0

    def __new__(cls, values):
        values = tuple(values)
        if len(values) != 2:
            raise TypeError("os.terminal_size() takes a 2-sequence (%d-sequence given)" % len(values))
        return tuple.__new__(cls, values)

    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])

    def __repr__(self):
        return "os.terminal_size(columns=%r, lines=%r)" % (self[0], self[1])


def get_terminal_size(fd=1, /):
    """Return the size of the terminal window as (columns, lines)."""
    return terminal_size(_posix._get_terminal_size(fd))


def stat(path, *, dir_fd=None, follow_symlinks=True):
    if follow_symlinks:
        return stat_result(_posix.stat(path))
    return stat_result(_posix.lstat(path))


def lstat(path, *, dir_fd=None):
    return stat_result(_posix.lstat(path))


# Functions that take dir_fd / a descriptor for a path / follow_symlinks
# (shutil and tempfile choose their code paths by these): none in Spry.
supports_dir_fd = set()
supports_fd = set()
supports_effective_ids = set()
supports_follow_symlinks = set()


def fstat(fd):
    return stat_result(_posix.fstat(fd))


class statvfs_result(tuple):
    """statvfs_result: Result from statvfs or fstatvfs."""
    n_sequence_fields = 10
    n_fields = 11
    n_unnamed_fields = 0

    def __new__(cls, values):
        values = tuple(values)
        self = tuple.__new__(cls, values[:10])
        self._fsid = values[10] if len(values) > 10 else None
        return self

    f_bsize = property(lambda self: self[0])
    f_frsize = property(lambda self: self[1])
    f_blocks = property(lambda self: self[2])
    f_bfree = property(lambda self: self[3])
    f_bavail = property(lambda self: self[4])
    f_files = property(lambda self: self[5])
    f_ffree = property(lambda self: self[6])
    f_favail = property(lambda self: self[7])
    f_flag = property(lambda self: self[8])
    f_namemax = property(lambda self: self[9])
    f_fsid = property(lambda self: self._fsid)

    def __repr__(self):
        names = ("f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files",
                 "f_ffree", "f_favail", "f_flag", "f_namemax")
        return "os.statvfs_result(%s)" % ", ".join("%s=%r" % (n, v) for n, v in zip(names, self))

    def __reduce__(self):
        return (statvfs_result, (tuple(self) + (self._fsid,),))


def statvfs(path):
    return statvfs_result(_posix._statvfs(path))


def fstatvfs(fd):
    return statvfs_result(_posix._statvfs(fd))


ST_RDONLY = 1
ST_NOSUID = 2


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    import io
    if "b" not in mode:
        encoding = io.text_encoding(encoding)
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)


def fspath(path):
    """Return the file system path representation of the object."""
    if isinstance(path, (str, bytes)):
        return path
    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, '__fspath__'):
            raise
        else:
            raise TypeError("expected str, bytes or os.PathLike object, "
                            "not " + path_type.__name__)
    if isinstance(path_repr, (str, bytes)):
        return path_repr
    else:
        raise TypeError("expected {}.__fspath__() to return str or bytes, "
                        "not {}".format(path_type.__name__,
                                        type(path_repr).__name__))


def fsencode(filename):
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', 'surrogateescape')
    return filename


def fsdecode(filename):
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', 'surrogateescape')
    return filename


import abc as _abc


class PathLike(_abc.ABC):
    """Abstract base class for implementing the file system path protocol."""

    @_abc.abstractmethod
    def __fspath__(self):
        """Return the file system path representation of the object."""
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, '__fspath__')
        return NotImplemented


class _Environ(dict):
    """os.environ: a dict that writes through to the process environment."""

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError("str expected, not %s" % type(key).__name__)
        if not isinstance(value, str):
            raise TypeError("str expected, not %s" % type(value).__name__)
        putenv(key, value)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key):
        dict.__delitem__(self, key)
        unsetenv(key)

    def pop(self, key, *default):
        if key in self:
            value = self[key]
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def update(self, *args, **kwargs):
        for k, v in dict(*args, **kwargs).items():
            self[k] = v

    def clear(self):
        for k in list(self):
            del self[k]

    def copy(self):
        return dict(self)

    def __repr__(self):
        return "environ({%s})" % ", ".join("%r: %r" % (k, v) for k, v in self.items())


environ = _Environ(_posix._environ_items())
del _Environ


def getenv(key, default=None):
    """Get an environment variable, return None if it doesn't exist."""
    return environ.get(key, default)


def makedirs(name, mode=0o777, exist_ok=False):
    """makedirs(name [, mode=0o777][, exist_ok=False])

    Super-mkdir; create a leaf directory and all intermediate ones."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, 'ASCII')
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


class DirEntry:
    def __init__(self, dirpath, name):
        self.name = name
        self.path = path.join(dirpath, name)
        self._stat = None
        self._lstat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return "<DirEntry %r>" % (self.name,)

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            if self._stat is None:
                self._stat = stat(self.path)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    def is_dir(self, *, follow_symlinks=True):
        try:
            return st.S_ISDIR(self.stat(follow_symlinks=follow_symlinks).st_mode)
        except OSError:
            return False

    def is_file(self, *, follow_symlinks=True):
        try:
            return st.S_ISREG(self.stat(follow_symlinks=follow_symlinks).st_mode)
        except OSError:
            return False

    def is_symlink(self):
        try:
            return st.S_ISLNK(self.stat(follow_symlinks=False).st_mode)
        except OSError:
            return False

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino


class _ScandirIterator:
    def __init__(self, p):
        self._path = p
        self._names = iter(listdir(p))

    def __iter__(self):
        return self

    def __next__(self):
        return DirEntry(self._path, next(self._names))

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def close(self):
        self._names = iter(())


def scandir(path='.'):
    return _ScandirIterator(path)


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator (see CPython's os.walk)."""
    stack = [top]
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        dirs = []
        nondirs = []
        walk_dirs = []
        try:
            entries = list(scandir(top))
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(entry.name)
            else:
                nondirs.append(entry.name)
            if not topdown and is_dir:
                if followlinks or not entry.is_symlink():
                    walk_dirs.append(entry.path)
        if topdown:
            yield top, dirs, nondirs
            for dirname in reversed(dirs):
                new_path = path.join(top, dirname)
                if followlinks or not path.islink(new_path):
                    stack.append(new_path)
        else:
            stack.append((top, dirs, nondirs))
            for new_path in reversed(walk_dirs):
                stack.append(new_path)


def get_exec_path(env=None):
    if env is None:
        env = environ
    path_list = env.get('PATH', defpath)
    return path_list.split(pathsep)


supports_bytes_environ = True


class uname_result(tuple):
    """uname_result: Result from os.uname()."""
    n_sequence_fields = 5
    n_fields = 5
    n_unnamed_fields = 0

    sysname = property(lambda self: self[0])
    nodename = property(lambda self: self[1])
    release = property(lambda self: self[2])
    version = property(lambda self: self[3])
    machine = property(lambda self: self[4])

    def __repr__(self):
        names = ("sysname", "nodename", "release", "version", "machine")
        return "posix.uname_result(%s)" % ", ".join("%s=%r" % (n, v) for n, v in zip(names, self))

    def __reduce__(self):
        return (uname_result, (tuple(self),))


def uname():
    """Return an object identifying the current operating system."""
    return uname_result(_posix._uname())


# Supply os.popen() (CPython's, over subprocess).
def popen(cmd, mode="r", buffering=-1):
    if not isinstance(cmd, str):
        raise TypeError("invalid cmd type (%s, expected string)" % type(cmd))
    if mode not in ("r", "w"):
        raise ValueError("invalid mode %r" % mode)
    if buffering == 0 or buffering is None:
        raise ValueError("popen() does not support unbuffered streams")
    import subprocess
    if mode == "r":
        proc = subprocess.Popen(cmd,
                                shell=True, text=True,
                                stdout=subprocess.PIPE,
                                bufsize=buffering)
        return _wrap_close(proc.stdout, proc)
    else:
        proc = subprocess.Popen(cmd,
                                shell=True, text=True,
                                stdin=subprocess.PIPE,
                                bufsize=buffering)
        return _wrap_close(proc.stdin, proc)


# Helper for popen() -- a proxy for a file whose close waits for the process
class _wrap_close:
    def __init__(self, stream, proc):
        self._stream = stream
        self._proc = proc
    def close(self):
        self._stream.close()
        returncode = self._proc.wait()
        if returncode == 0:
            return None
        return returncode << 8  # Shift left to match old behavior
    def __enter__(self):
        return self
    def __exit__(self, *args):
        self.close()
    def __getattr__(self, name):
        return getattr(self._stream, name)
    def __iter__(self):
        return iter(self._stream)
