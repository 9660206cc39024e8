"""This module defines an object type which can efficiently represent
an array of basic values: characters, integers, floating point
numbers.  (Spry: the items are kept in a list and checked against the
typecode's C range as CPython does; bytes conversions go through struct.)"""

import _struct
from _operator import index as _operator_index

typecodes = 'bBuhHiIlLqQfd'

_ITEMSIZE = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
             'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'f': 4, 'd': 8}

# (min, max, too-big message, too-small message)
_C_LONG = "Python int too large to convert to C long"
_RANGES = {
    'b': (-128, 127, "signed char is greater than maximum", "signed char is less than minimum"),
    'B': (0, 255, "unsigned byte integer is greater than maximum", "unsigned byte integer is less than minimum"),
    'h': (-32768, 32767, "signed short integer is greater than maximum", "signed short integer is less than minimum"),
    'H': (0, 65535, "unsigned short is greater than maximum", "unsigned short is less than minimum"),
    'i': (-2**31, 2**31 - 1, "signed integer is greater than maximum", "signed integer is less than minimum"),
    'I': (0, 2**32 - 1, "unsigned int is greater than maximum", "can't convert negative value to unsigned int"),
    'l': (-2**63, 2**63 - 1, _C_LONG, _C_LONG),
    'L': (0, 2**64 - 1, "Python int too large to convert to C unsigned long", "can't convert negative value to unsigned int"),
    'q': (-2**63, 2**63 - 1, "int too big to convert", "int too big to convert"),
    'Q': (0, 2**64 - 1, "int too big to convert", "can't convert negative int to unsigned"),
}


def _index(v):
    try:
        return _operator_index(v)
    except TypeError:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__) from None


class array:
    """array(typecode [, initializer]) -> array

Return a new array whose items are restricted by typecode, and
initialized from the optional initializer value, which must be a list,
a bytes-like object, or iterable over elements of the
appropriate type."""

    __hash__ = None

    def __init__(self, typecode, initializer=None, /):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError("array() argument 1 must be a unicode character, not %s" % type(typecode).__name__)
        if typecode not in _ITEMSIZE:
            raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        self._tc = typecode
        self._items = []
        if initializer is None:
            return
        if isinstance(initializer, str):
            if typecode != 'u':
                raise TypeError("cannot use a str to initialize an array with typecode '%s'" % typecode)
            self.fromunicode(initializer)
        elif isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, array):
            if initializer._tc == 'u' and typecode != 'u':
                raise TypeError("cannot use a unicode array to initialize an array with typecode '%s'" % typecode)
            self._items = [self._check(v) for v in initializer._items]
        else:
            self._items = [self._check(v) for v in initializer]

    def _check(self, v):
        tc = self._tc
        if tc == 'u':
            if not isinstance(v, str) or len(v) != 1:
                raise TypeError("array item must be unicode character")
            return v
        if tc in 'fd':
            if isinstance(v, float):
                f = v
            elif isinstance(v, (int, bool)):
                f = float(v)
            else:
                try:
                    f = v.__float__()
                except AttributeError:
                    raise TypeError("must be real number, not %s" % type(v).__name__) from None
            if tc == 'f':
                f = _struct.unpack('f', _struct.pack('f', f))[0] if f == f and abs(f) != float('inf') else f
            return f
        n = _index(v)
        lo, hi, big, small = _RANGES[tc]
        if n > hi:
            if n > 2**64 and tc in 'bBhHi':
                raise OverflowError(_C_LONG)
            raise OverflowError(big)
        if n < lo:
            if n < -2**64 and tc in 'bBhHi':
                raise OverflowError(_C_LONG)
            raise OverflowError(small)
        return n

    @property
    def typecode(self):
        return self._tc

    @property
    def itemsize(self):
        return _ITEMSIZE[self._tc]

    def _same(self, other, what):
        if not isinstance(other, array):
            raise TypeError("can only %s array (not \"%s\") to array" % (what, type(other).__name__))

    def append(self, v, /):
        self._items.append(self._check(v))

    def extend(self, iterable, /):
        if isinstance(iterable, array):
            if iterable._tc != self._tc:
                raise TypeError("can only extend with array of same kind")
            self._items.extend(iterable._items)
        else:
            self._items.extend([self._check(v) for v in iterable])

    def insert(self, i, v, /):
        self._items.insert(_index(i), self._check(v))

    def pop(self, i=-1, /):
        if not self._items:
            raise IndexError("pop from empty array")
        try:
            return self._items.pop(i)
        except IndexError:
            raise IndexError("pop index out of range") from None

    def remove(self, v, /):
        try:
            self._items.remove(v)
        except ValueError:
            raise ValueError("array.remove(x): x not in array") from None

    def index(self, v, start=0, stop=None, /):
        try:
            if stop is None:
                return self._items.index(v, start)
            return self._items.index(v, start, stop)
        except ValueError:
            raise ValueError("array.index(x): x not in array") from None

    def count(self, v, /):
        return self._items.count(v)

    def reverse(self):
        self._items.reverse()

    def tolist(self):
        return list(self._items)

    def fromlist(self, lst, /):
        if not isinstance(lst, list):
            raise TypeError("arg must be list")
        self._items.extend([self._check(v) for v in lst])

    def tobytes(self):
        if self._tc == 'u':
            return ''.join(self._items).encode('utf-32-le')
        return _struct.pack('<%d%s' % (len(self._items), self._fmt()), *self._items)

    def _fmt(self):
        return {'l': 'q', 'L': 'Q'}.get(self._tc, self._tc)

    def frombytes(self, data, /):
        data = bytes(data)
        size = self.itemsize
        if len(data) % size:
            raise ValueError("bytes length not a multiple of item size")
        if self._tc == 'u':
            self._items.extend(data.decode('utf-32-le'))
            return
        self._items.extend(_struct.unpack('<%d%s' % (len(data) // size, self._fmt()), data))

    def tounicode(self):
        if self._tc != 'u':
            raise ValueError("tounicode() may only be called on unicode type arrays")
        return ''.join(self._items)

    def fromunicode(self, s, /):
        if self._tc != 'u':
            raise ValueError("fromunicode() may only be called on unicode type arrays")
        if not isinstance(s, str):
            raise TypeError("fromunicode() argument must be str, not %s" % type(s).__name__)
        self._items.extend(s)

    def buffer_info(self):
        return (id(self), len(self._items))

    def byteswap(self):
        if self._tc == 'u' or self.itemsize == 1:
            return
        raw = self.tobytes()
        n = self.itemsize
        swapped = b''.join(raw[i:i + n][::-1] for i in range(0, len(raw), n))
        self._items = []
        self.frombytes(swapped)

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __reversed__(self):
        return reversed(self._items)

    def __contains__(self, v):
        return v in self._items

    def __getitem__(self, i):
        if isinstance(i, slice):
            r = array(self._tc)
            r._items = self._items[i]
            return r
        try:
            return self._items[i]
        except IndexError:
            raise IndexError("array index out of range") from None
        except TypeError:
            raise TypeError("array indices must be integers") from None

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError("can only assign array (not \"%s\") to array slice" % type(v).__name__)
            if v._tc != self._tc:
                raise TypeError("bad argument type for built-in operation")
            self._items[i] = v._items
            return
        try:
            self._items[i] = self._check(v)
        except IndexError:
            raise IndexError("array assignment index out of range") from None

    def __delitem__(self, i):
        try:
            del self._items[i]
        except IndexError:
            raise IndexError("array assignment index out of range") from None

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError("can only append array (not \"%s\") to array" % type(other).__name__)
        if other._tc != self._tc:
            raise TypeError("bad argument type for built-in operation")
        r = array(self._tc)
        r._items = self._items + other._items
        return r

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError("can only extend array with array (not \"%s\")" % type(other).__name__)
        self.extend(other)
        return self

    def __mul__(self, n):
        r = array(self._tc)
        r._items = self._items * n
        return r

    __rmul__ = __mul__

    def __imul__(self, n):
        self._items *= n
        return self

    def _cmp_items(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return other._items

    def __eq__(self, other):
        o = self._cmp_items(other)
        return o if o is NotImplemented else self._items == o

    def __ne__(self, other):
        o = self._cmp_items(other)
        return o if o is NotImplemented else self._items != o

    def __lt__(self, other):
        o = self._cmp_items(other)
        return o if o is NotImplemented else self._items < o

    def __le__(self, other):
        o = self._cmp_items(other)
        return o if o is NotImplemented else self._items <= o

    def __gt__(self, other):
        o = self._cmp_items(other)
        return o if o is NotImplemented else self._items > o

    def __ge__(self, other):
        o = self._cmp_items(other)
        return o if o is NotImplemented else self._items >= o

    def __bytes__(self):
        return self.tobytes()

    def __copy__(self):
        r = array(self._tc)
        r._items = list(self._items)
        return r

    def __deepcopy__(self, memo):
        return self.__copy__()

    def __reduce__(self):
        return (array, (self._tc, list(self._items)))

    def __repr__(self):
        if not self._items:
            return "array('%s')" % self._tc
        if self._tc == 'u':
            return "array('u', %r)" % ''.join(self._items)
        return "array('%s', %r)" % (self._tc, self._items)

    def __class_getitem__(cls, item):
        return cls


array.__module__ = 'array'
ArrayType = array
