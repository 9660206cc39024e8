"""Functions to convert between Python values and C structs.
Python bytes objects are used to hold the data representing the C struct
and also as format strings (explained below) to describe the layout of data
in the C struct.

The optional first format char indicates byte order, size and alignment:
  @: native order, size & alignment (default)
  =: native order, std. size & alignment
  <: little-endian, std. size & alignment
  >: big-endian, std. size & alignment
  !: same as >
"""

__all__ = [
    # Functions
    'calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
    'iter_unpack',

    # Classes
    'Struct',

    # Exceptions
    'error'
    ]


class error(Exception):
    pass


error.__module__ = 'struct'

from _struct import calcsize, pack, pack_into, unpack, unpack_from, iter_unpack
import _struct as _s


class Struct:
    """Struct(format)

Create a compiled struct object."""

    def __init__(self, format):
        if isinstance(format, bytes):
            format = format.decode('ascii')
        elif not isinstance(format, str):
            raise TypeError("Struct() argument 1 must be a str or bytes object, not %s" % type(format).__name__)
        self.format = format
        self.size = _s.calcsize(format)

    def pack(self, *values):
        return _s.pack(self.format, *values)

    def pack_into(self, buffer, offset, *values):
        return _s.pack_into(self.format, buffer, offset, *values)

    def unpack(self, buffer):
        return _s.unpack(self.format, buffer)

    def unpack_from(self, buffer, offset=0):
        return _s.unpack_from(self.format, buffer, offset)

    def iter_unpack(self, buffer):
        return _s.iter_unpack(self.format, buffer)


Struct.__module__ = '_struct'
