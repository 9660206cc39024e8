"""The zlib compression library (Spry: the system's zlib through the Rust
`_zlib`; this module holds `error` and the stream objects).

compress(data) -- Compress data, with compression level 0-9 or -1.
compressobj([level[, ...]]) -- Return a compressor object.
crc32(string[, start]) -- Compute a CRC-32 checksum.
decompress(string,[wbits],[bufsize]) -- Decompresses a compressed string.
decompressobj([wbits[, zdict]]) -- Return a decompressor object.
"""
import _zlib
from operator import index as _index

MAX_WBITS = 15
DEFLATED = 8
DEF_MEM_LEVEL = 8
DEF_BUF_SIZE = 16384
Z_NO_COMPRESSION = 0
Z_BEST_SPEED = 1
Z_BEST_COMPRESSION = 9
Z_DEFAULT_COMPRESSION = -1
Z_FILTERED = 1
Z_HUFFMAN_ONLY = 2
Z_RLE = 3
Z_FIXED = 4
Z_DEFAULT_STRATEGY = 0
Z_NO_FLUSH = 0
Z_PARTIAL_FLUSH = 1
Z_SYNC_FLUSH = 2
Z_FULL_FLUSH = 3
Z_FINISH = 4
Z_BLOCK = 5
Z_TREES = 6
ZLIB_RUNTIME_VERSION = _zlib.ZLIB_RUNTIME_VERSION
ZLIB_VERSION = ZLIB_RUNTIME_VERSION


class error(Exception):
    pass


def compress(data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS):
    """Returns a bytes object containing compressed data."""
    return _zlib.compress(data, level, wbits)


def decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE):
    """Returns a bytes object containing the uncompressed data."""
    return _zlib.decompress(data, wbits, bufsize)


def crc32(data, value=0, /):
    """Compute a CRC-32 checksum of data."""
    return _zlib.crc32(data, _index(value) & 0xffffffff)


def adler32(data, value=1, /):
    """Compute an Adler-32 checksum of data."""
    return _zlib.adler32(data, _index(value) & 0xffffffff)


class _Stream:
    # A zlib stream in `_zlib`'s table, freed with the object.
    _h = None

    def __init__(self, *args):
        raise TypeError("cannot create 'zlib.%s' instances" % type(self).__name__)

    def __copy__(self):
        return self.copy()

    def __deepcopy__(self, memo):
        return self.copy()

    def __del__(self):
        if self._h is not None:
            _zlib.free(self._h)


class Compress(_Stream):

    def compress(self, data, /):
        """Returns a bytes object containing compressed data."""
        if self._h is None:
            raise error("Error -2 while compressing data: inconsistent stream state")
        return _zlib.dfeed(self._h, data, Z_NO_FLUSH)

    def flush(self, mode=Z_FINISH, /):
        """Return a bytes object containing any remaining compressed data."""
        if mode == Z_NO_FLUSH:
            return b""
        if self._h is None:
            raise error("Error -2 while flushing: inconsistent stream state")
        out = _zlib.dfeed(self._h, b"", mode)
        if mode == Z_FINISH:
            _zlib.free(self._h)
            self._h = None
        return out

    def copy(self):
        """Return a copy of the compression object."""
        if self._h is None:
            raise ValueError("Inconsistent stream state")
        return _compress_from(_zlib.copy(self._h))


class Decompress(_Stream):

    def decompress(self, data, /, max_length=0):
        """Return a bytes object containing the decompressed version of the data."""
        data = memoryview(data).tobytes()
        if max_length < 0:
            raise ValueError("max_length must be non-negative")
        if self.eof:
            self.unused_data += data
            return b""
        return self._feed(data, max_length, Z_SYNC_FLUSH)

    def _feed(self, data, max_length, mode):
        # Decompresses; what `data` left over is the unconsumed tail, or
        # after the end of the stream the unused data.
        out, used, end = _zlib.ifeed(self._h, data, max_length, mode, self._zdict)
        rest = data[used:]
        if end:
            self.eof = True
            self.unused_data += rest
            self.unconsumed_tail = b""
        else:
            self.unconsumed_tail = rest
        return out

    def flush(self, length=DEF_BUF_SIZE, /):
        """Return a bytes object containing any remaining decompressed data."""
        if length <= 0:
            raise ValueError("length must be greater than zero")
        if self.eof:
            return b""
        return self._feed(self.unconsumed_tail, 0, Z_FINISH)

    def copy(self):
        """Return a copy of the decompression object."""
        d = _decompress_from(_zlib.copy(self._h), self._zdict)
        d.unused_data = self.unused_data
        d.unconsumed_tail = self.unconsumed_tail
        d.eof = self.eof
        return d


def _compress_from(h):
    c = object.__new__(Compress)
    c._h = h
    return c


def _decompress_from(h, zdict):
    d = object.__new__(Decompress)
    d._h = h
    d._zdict = zdict
    d.unused_data = b""
    d.unconsumed_tail = b""
    d.eof = False
    return d


def compressobj(level=Z_DEFAULT_COMPRESSION, method=DEFLATED, wbits=MAX_WBITS,
                memLevel=DEF_MEM_LEVEL, strategy=Z_DEFAULT_STRATEGY, zdict=None):
    """Return a compressor object."""
    return _compress_from(_zlib.dnew(level, method, wbits, memLevel, strategy, zdict))


def decompressobj(wbits=MAX_WBITS, zdict=b""):
    """Return a decompressor object."""
    if zdict is not None and not isinstance(zdict, (bytes, bytearray, memoryview)):
        raise TypeError("zdict argument must support the buffer protocol")
    zd = bytes(zdict) if zdict else None
    return _decompress_from(_zlib.inew(wbits, zd), zd)
