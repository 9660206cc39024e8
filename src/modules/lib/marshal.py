"""Internal Python object serialization (CPython's `marshal`, format
version 4), for the types marshal handles other than code objects: None,
bools, ints, floats, complex numbers, str, bytes, tuples, lists, dicts, sets
and frozensets, StopIteration and Ellipsis.

Written in Python for Spry: `pstats` and `profile` store statistics with it.
`dumps` writes no back-references (a valid stream CPython reads; CPython's
own choice of references depends on reference counts), `loads` reads them.
"""

import struct as _struct

version = 4

_NULL = b'0'
_FLAG_REF = 0x80


class _Writer:
    def __init__(self, version):
        self.out = bytearray()
        self.version = version
        self.depth = 0

    def byte(self, c):
        self.out += c

    def int32(self, n):
        self.out += _struct.pack('<i', n)

    def dump(self, v):
        self.depth += 1
        if self.depth > 2000:
            raise ValueError("object too deeply nested to marshal")
        out = self.out
        t = type(v)
        if v is None:
            out += b'N'
        elif v is False:
            out += b'F'
        elif v is True:
            out += b'T'
        elif v is StopIteration:
            out += b'S'
        elif v is Ellipsis:
            out += b'.'
        elif t is int:
            if -2**31 <= v < 2**31:
                out += b'i'
                self.int32(v)
            else:
                out += b'l'
                n = abs(v)
                digits = []
                while n:
                    digits.append(n & 0x7fff)
                    n >>= 15
                self.int32(len(digits) if v > 0 else -len(digits))
                for d in digits:
                    out += _struct.pack('<H', d)
        elif t is float:
            if self.version > 1:
                out += b'g' + _struct.pack('<d', v)
            else:
                s = repr(v).encode()
                out += b'f' + bytes([len(s)]) + s
        elif t is complex:
            out += b'y' + _struct.pack('<dd', v.real, v.imag)
        elif t is str:
            if v.isascii() and self.version >= 4:
                b = v.encode('ascii')
                if len(b) < 256:
                    out += b'z' + bytes([len(b)]) + b
                else:
                    out += b'a'
                    self.int32(len(b))
                    out += b
            else:
                b = v.encode('utf-8', 'surrogatepass')
                out += b'u'
                self.int32(len(b))
                out += b
        elif t is bytes or t is bytearray or t is memoryview:
            b = bytes(v)
            out += b's'
            self.int32(len(b))
            out += b
        elif t is tuple:
            if len(v) < 256 and self.version >= 4:
                out += b')' + bytes([len(v)])
            else:
                out += b'('
                self.int32(len(v))
            for x in v:
                self.dump(x)
        elif t is list:
            out += b'['
            self.int32(len(v))
            for x in v:
                self.dump(x)
        elif t is dict:
            out += b'{'
            for k, x in v.items():
                self.dump(k)
                self.dump(x)
            out += _NULL
        elif t is set or t is frozenset:
            out += b'<' if t is set else b'>'
            self.int32(len(v))
            for x in v:
                self.dump(x)
        else:
            raise ValueError("unmarshallable object")
        self.depth -= 1


class _Reader:
    def __init__(self, read):
        self.read_fn = read
        self.refs = []
        self.depth = 0

    def read(self, n):
        b = self.read_fn(n)
        if len(b) < n:
            raise EOFError("marshal data too short")
        return b

    def int32(self):
        return _struct.unpack('<i', self.read(4))[0]

    def load(self):
        c = self.read_fn(1)
        if not c:
            raise EOFError("EOF read where object expected")
        return self.load_typed(c[0])

    def load_typed(self, code):
        flag = code & _FLAG_REF
        code &= ~_FLAG_REF
        ref = None
        if flag:
            ref = len(self.refs)
            self.refs.append(None)
        self.depth += 1
        if self.depth > 2000:
            raise ValueError("recursion limit exceeded")
        t = chr(code)
        if t == 'N':
            v = None
        elif t == 'F':
            v = False
        elif t == 'T':
            v = True
        elif t == 'S':
            v = StopIteration
        elif t == '.':
            v = Ellipsis
        elif t == 'i':
            v = self.int32()
        elif t == 'l':
            n = self.int32()
            v = 0
            for i in range(abs(n)):
                d = _struct.unpack('<H', self.read(2))[0]
                if d > 0x7fff:
                    raise ValueError("bad marshal data (digit out of range in long)")
                v |= d << (15 * i)
            if n < 0:
                v = -v
        elif t == 'g':
            v = _struct.unpack('<d', self.read(8))[0]
        elif t == 'f':
            v = float(self.read(self.read(1)[0]).decode())
        elif t == 'y':
            re_, im = _struct.unpack('<dd', self.read(16))
            v = complex(re_, im)
        elif t == 'x':
            re_ = float(self.read(self.read(1)[0]).decode())
            im = float(self.read(self.read(1)[0]).decode())
            v = complex(re_, im)
        elif t in 'zZ':
            v = self.read(self.read(1)[0]).decode('ascii')
        elif t in 'aA':
            v = self.read(self.int32()).decode('ascii')
        elif t in 'ut':
            v = self.read(self.int32()).decode('utf-8', 'surrogatepass')
        elif t == 's':
            v = bytes(self.read(self.int32()))
        elif t == ')':
            n = self.read(1)[0]
            v = tuple(self.load() for _ in range(n))
        elif t == '(':
            n = self.int32()
            if n < 0:
                raise ValueError("bad marshal data (tuple size out of range)")
            v = tuple(self.load() for _ in range(n))
        elif t == '[':
            n = self.int32()
            if n < 0:
                raise ValueError("bad marshal data (list size out of range)")
            v = []
            if ref is not None:
                self.refs[ref] = v
            for _ in range(n):
                v.append(self.load())
        elif t == '{':
            v = {}
            if ref is not None:
                self.refs[ref] = v
            while True:
                c = self.read_fn(1)
                if not c:
                    raise EOFError("EOF read where object expected")
                if c == _NULL:
                    break
                k = self.load_typed(c[0])
                v[k] = self.load()
        elif t in '<>':
            n = self.int32()
            items = [self.load() for _ in range(n)]
            v = set(items) if t == '<' else frozenset(items)
        elif t == 'r':
            i = self.int32()
            if not 0 <= i < len(self.refs) or self.refs[i] is None:
                raise ValueError("bad marshal data (invalid reference)")
            v = self.refs[i]
        elif t == 'c':
            raise ValueError("bad marshal data (code objects are not supported by Spry)")
        else:
            raise ValueError("bad marshal data (unknown type code)")
        if ref is not None:
            self.refs[ref] = v
        self.depth -= 1
        return v


def dumps(value, version=version, /):
    """Return the bytes object that would be written to a file by dump(value, file)."""
    w = _Writer(version)
    w.dump(value)
    return bytes(w.out)


def dump(value, file, version=version, /):
    """Write the value on the open file."""
    file.write(dumps(value, version))


def loads(data, /):
    """Convert the bytes-like object to a value."""
    data = memoryview(data).tobytes()
    pos = [0]

    def read(n):
        b = data[pos[0]:pos[0] + n]
        pos[0] += len(b)
        return b
    return _Reader(read).load()


def load(file, /):
    """Read one value from the open file."""
    return _Reader(file.read).load()
