"""Connections between processes (`Pipe`): Spry's implementation over
`os.pipe`, with CPython's message framing (a 4-byte big-endian length, then
the bytes; `send`/`recv` pickle the object)."""

import io
import os
import pickle
import select
import struct

__all__ = ['Pipe', 'Connection', 'wait']

_PIPE_BUF = 4096


class Connection:
    """A connection end: reads from `rfd`, writes to `wfd` (None: that
    direction is closed or absent)."""

    def __init__(self, rfd, wfd):
        self._rfd = rfd
        self._wfd = wfd
        self._closed = False

    def _check_closed(self):
        if self._closed:
            raise OSError("handle is closed")

    def _check_readable(self):
        if self._rfd is None:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if self._wfd is None:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        return self._closed

    @property
    def readable(self):
        return self._rfd is not None

    @property
    def writable(self):
        return self._wfd is not None

    def fileno(self):
        self._check_closed()
        return self._rfd if self._rfd is not None else self._wfd

    def close(self):
        if not self._closed:
            self._closed = True
            for fd in {self._rfd, self._wfd} - {None}:
                try:
                    os.close(fd)
                except OSError:
                    pass

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def _write_all(self, data):
        view = memoryview(data)
        while view:
            n = os.write(self._wfd, view)
            view = view[n:]

    def send_bytes(self, buf, offset=0, size=None):
        """Send the bytes data from a bytes-like object"""
        self._check_closed()
        self._check_writable()
        m = memoryview(buf)
        n = m.nbytes
        if offset < 0:
            raise ValueError("offset is negative")
        if n < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = n - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > n:
            raise ValueError("buffer length < offset + size")
        data = m.tobytes()[offset:offset + size]
        if size > 0x7fffffff:
            header = struct.pack("!i", -1) + struct.pack("!Q", size)
        else:
            header = struct.pack("!i", size)
        # One write for a small message: pipes write up to PIPE_BUF bytes
        # atomically, so writers in several processes do not interleave.
        self._write_all(header + data)

    def send(self, obj):
        """Send a (picklable) object"""
        self._check_closed()
        self._check_writable()
        self.send_bytes(pickle.dumps(obj))

    def _read_exact(self, n):
        buf = io.BytesIO()
        left = n
        while left > 0:
            chunk = os.read(self._rfd, left)
            if not chunk:
                if left == n:
                    raise EOFError
                raise OSError("got end of file during message")
            buf.write(chunk)
            left -= len(chunk)
        return buf.getvalue()

    def _recv_message(self, maxlength=None):
        size, = struct.unpack("!i", self._read_exact(4))
        if size == -1:
            size, = struct.unpack("!Q", self._read_exact(8))
        if maxlength is not None and size > maxlength:
            return None
        return self._read_exact(size)

    def recv_bytes(self, maxlength=None):
        """Receive bytes data as a bytes object."""
        self._check_closed()
        self._check_readable()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        buf = self._recv_message(maxlength)
        if buf is None:
            self.close()
            raise OSError("bad message length")
        return buf

    def recv_bytes_into(self, buf, offset=0):
        """Receive bytes data into a writeable bytes-like object.
        Return the number of bytes read."""
        self._check_closed()
        self._check_readable()
        data = self._recv_message()
        m = memoryview(buf)
        if offset < 0 or offset > m.nbytes:
            raise ValueError("offset out of bounds")
        if len(data) > m.nbytes - offset:
            raise BufferTooShort(data)
        m[offset:offset + len(data)] = data
        return len(data)

    def recv(self):
        """Receive a (picklable) object"""
        self._check_closed()
        self._check_readable()
        return pickle.loads(self._recv_message())

    def poll(self, timeout=0.0):
        """Whether there is any input available to be read"""
        self._check_closed()
        self._check_readable()
        r, _, _ = select.select([self._rfd], [], [], timeout)
        return bool(r)


class BufferTooShort(Exception):
    pass


def Pipe(duplex=True):
    """Returns pair of connection objects at either end of a pipe"""
    if duplex:
        r1, w1 = os.pipe()
        r2, w2 = os.pipe()
        return Connection(r1, w2), Connection(r2, w1)
    r, w = os.pipe()
    return Connection(r, None), Connection(None, w)


def wait(object_list, timeout=None):
    """Wait till an object in object_list is ready/readable.

    Returns list of those objects in object_list which are ready/readable."""
    fds = {}
    for o in object_list:
        fd = o if isinstance(o, int) else o.fileno()
        fds.setdefault(fd, []).append(o)
    r, _, _ = select.select(list(fds), [], [], timeout)
    return [o for fd in r for o in fds[fd]]
