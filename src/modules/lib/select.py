"""Waiting for I/O completion (Spry: `select` and `poll` over `poll(2)`,
in `_select`; no `epoll`, so `selectors.DefaultSelector` is the
`PollSelector`)."""
import _select

error = OSError

POLLIN = 0x001
POLLPRI = 0x002
POLLOUT = 0x004
POLLERR = 0x008
POLLHUP = 0x010
POLLNVAL = 0x020
POLLRDNORM = 0x040
POLLRDBAND = 0x080
POLLWRNORM = 0x100
POLLWRBAND = 0x200
POLLMSG = 0x400
POLLRDHUP = 0x2000
PIPE_BUF = 4096


def _fileno(obj):
    if isinstance(obj, int):
        fd = obj
    else:
        try:
            meth = obj.fileno
        except AttributeError:
            raise TypeError("argument must be an int, or have a fileno() method.") from None
        fd = meth()
        if not isinstance(fd, int):
            raise TypeError("fileno() returned a non-integer")
    if fd < 0:
        raise ValueError("file descriptor cannot be a negative integer (%d)" % fd)
    return fd


def _seconds(timeout):
    if timeout is None:
        return None
    if not isinstance(timeout, (int, float)):
        try:
            timeout = float(timeout)
        except TypeError:
            raise TypeError("timeout must be a float or None") from None
    if timeout < 0:
        raise ValueError("timeout must be non-negative")
    return timeout


def select(rlist, wlist, xlist, timeout=None, /):
    """Wait until one or more file descriptors are ready for some kind of I/O."""
    timeout = _seconds(timeout)
    lists = []
    for seq in (rlist, wlist, xlist):
        try:
            lists.append([(obj, _fileno(obj)) for obj in seq])
        except TypeError as e:
            if not hasattr(seq, '__iter__'):
                raise TypeError("arguments 1-3 must be sequences") from None
            raise
    events = {}
    for (objs, bit) in zip(lists, (POLLIN, POLLOUT, POLLPRI)):
        for obj, fd in objs:
            events[fd] = events.get(fd, 0) | bit
    ready = dict(_select.poll(list(events), list(events.values()), timeout))
    for fd, rev in ready.items():
        if rev & POLLNVAL:
            raise OSError(9, "Bad file descriptor")
    r = [obj for obj, fd in lists[0] if ready.get(fd, 0) & (POLLIN | POLLHUP | POLLERR)]
    w = [obj for obj, fd in lists[1] if ready.get(fd, 0) & (POLLOUT | POLLERR)]
    x = [obj for obj, fd in lists[2] if ready.get(fd, 0) & POLLPRI]
    return r, w, x


class poll:
    """Returns a polling object that supports registering and
unregistering file descriptors, and then polling them for I/O events."""

    def __init__(self):
        self._fds = {}

    def register(self, fd, eventmask=POLLIN | POLLPRI | POLLOUT, /):
        self._fds[_fileno(fd)] = eventmask & 0xffff

    def modify(self, fd, eventmask, /):
        fd = _fileno(fd)
        if fd not in self._fds:
            raise FileNotFoundError(2, "No such file or directory")
        self._fds[fd] = eventmask & 0xffff

    def unregister(self, fd, /):
        fd = _fileno(fd)
        del self._fds[fd]

    def poll(self, timeout=None, /):
        if timeout is not None:
            if not isinstance(timeout, (int, float)):
                raise TypeError("timeout must be an integer or None")
            timeout = None if timeout < 0 else timeout / 1000
        return _select.poll(list(self._fds), list(self._fds.values()), timeout)


poll.__module__ = 'select'
