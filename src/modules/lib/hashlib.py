"""hashlib: secure hashes and message digests.

Spry: the hash states are computed in Rust (`_spry_hash`, on the RustCrypto
crates and blake2b_simd/blake2s_simd); this module gives them CPython's
objects (`_hashlib.HASH`, `_hashlib.HASHXOF`, `_blake2.blake2b`/`blake2s`),
names and argument errors.
"""

import _spry_hash

__always_supported = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
                      'blake2b', 'blake2s',
                      'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512',
                      'shake_128', 'shake_256')

algorithms_guaranteed = set(__always_supported)
algorithms_available = set(__always_supported) | {'sha512_224', 'sha512_256'}

__all__ = __always_supported + ('new', 'algorithms_guaranteed',
                                'algorithms_available', 'pbkdf2_hmac', 'file_digest')

# name: (digest_size, block_size)
_SIZES = {
    'md5': (16, 64), 'sha1': (20, 64), 'sha224': (28, 64), 'sha256': (32, 64),
    'sha384': (48, 128), 'sha512': (64, 128), 'sha512_224': (28, 128),
    'sha512_256': (32, 128), 'sha3_224': (28, 144), 'sha3_256': (32, 136),
    'sha3_384': (48, 104), 'sha3_512': (64, 72), 'shake_128': (0, 168),
    'shake_256': (0, 136),
}

# The OpenSSL names (matched without regard to case) hashlib.new() also takes.
_OPENSSL_NAMES = {
    'md5': 'md5', 'sha1': 'sha1', 'sha-1': 'sha1',
    'sha224': 'sha224', 'sha-224': 'sha224', 'sha2-224': 'sha224',
    'sha256': 'sha256', 'sha-256': 'sha256', 'sha2-256': 'sha256',
    'sha384': 'sha384', 'sha-384': 'sha384', 'sha2-384': 'sha384',
    'sha512': 'sha512', 'sha-512': 'sha512', 'sha2-512': 'sha512',
    'sha512-224': 'sha512_224', 'sha512_224': 'sha512_224', 'sha2-512/224': 'sha512_224',
    'sha512-256': 'sha512_256', 'sha512_256': 'sha512_256', 'sha2-512/256': 'sha512_256',
    'sha3-224': 'sha3_224', 'sha3-256': 'sha3_256', 'sha3-384': 'sha3_384',
    'sha3-512': 'sha3_512', 'shake128': 'shake_128', 'shake-128': 'shake_128',
    'shake256': 'shake_256', 'shake-256': 'shake_256',
    'blake2b512': 'blake2b', 'blake2b-512': 'blake2b',
    'blake2s256': 'blake2s', 'blake2s-256': 'blake2s',
}


class UnsupportedDigestmodError(ValueError):
    pass


UnsupportedDigestmodError.__module__ = '_hashlib'


def _check_data(data):
    if isinstance(data, str):
        raise TypeError("Strings must be encoded before hashing")


class _State:
    """The methods of a hash object over a state held in Rust (`_h`);
    `copy` also copies the subclass's other slot (`_EXTRA`)."""
    __slots__ = ()
    _EXTRA = None

    def update(self, obj, /):
        _spry_hash.update(self._h, obj)

    def digest(self):
        return _spry_hash.digest(self._h)

    def hexdigest(self):
        return _spry_hash.digest(self._h).hex()

    def copy(self):
        other = object.__new__(type(self))
        other._h = _spry_hash.copy(self._h)
        setattr(other, self._EXTRA, getattr(self, self._EXTRA))
        return other


class HASH(_State):
    """A hash object (CPython's OpenSSL-backed `_hashlib.HASH`)."""
    __slots__ = ('_h', '_name')
    _EXTRA = '_name'

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create '_hashlib.HASH' instances")

    @property
    def name(self):
        return self._name

    @property
    def digest_size(self):
        return _SIZES[self._name][0]

    @property
    def block_size(self):
        return _SIZES[self._name][1]


    def __repr__(self):
        return "<%s _hashlib.%s object @ %#x>" % (self._name, type(self).__name__, id(self))


HASH.__module__ = '_hashlib'


def _xof_length(fname, args, kwargs):
    if kwargs:
        if len(kwargs) == 1 and 'length' in kwargs and not args:
            length = kwargs['length']
        else:
            bad = next(k for k in kwargs if k != 'length' or args)
            raise TypeError("%s() got an unexpected keyword argument '%s'" % (fname, bad))
    elif len(args) == 1:
        length = args[0]
    elif not args:
        raise TypeError("%s() missing required argument 'length' (pos 1)" % fname)
    else:
        raise TypeError("%s() takes at most 1 argument (%d given)" % (fname, len(args)))
    if not isinstance(length, int):
        if isinstance(length, float):
            raise TypeError("'float' object cannot be interpreted as an integer")
        length = length.__index__()
    if length >= 1 << 63:
        raise OverflowError("Python int too large to convert to C ssize_t")
    if length < 0:
        # CPython's errors for a negative length, as they are.
        if fname == 'digest':
            raise SystemError("Negative size passed to PyBytes_FromStringAndSize")
        raise MemoryError()
    return length


class HASHXOF(HASH):
    """A hash object with an extendable output (SHAKE)."""
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create '_hashlib.HASHXOF' instances")

    def digest(self, *args, **kwargs):
        return _spry_hash.digest(self._h, _xof_length('digest', args, kwargs))

    def hexdigest(self, *args, **kwargs):
        return _spry_hash.digest(self._h, _xof_length('hexdigest', args, kwargs)).hex()


HASHXOF.__module__ = '_hashlib'


def _make(name, data):
    _check_data(data)
    obj = object.__new__(HASHXOF if name.startswith('shake') else HASH)
    obj._h = _spry_hash.new(name)
    obj._name = name
    if data is not None:
        _spry_hash.update(obj._h, data)
    return obj


def _constructor(name):
    fname = 'openssl_' + name

    def cons(*args, **kwargs):
        data = None
        if len(args) > 1:
            raise TypeError("%s() takes at most 1 positional argument (%d given)" % (fname, len(args)))
        if args:
            data = args[0]
        for k, v in kwargs.items():
            if k == 'string' and not args:
                data = v
            elif k == 'usedforsecurity':
                pass
            elif k == 'string':
                raise TypeError("argument for %s() given by name ('string') and position (1)" % fname)
            else:
                raise TypeError("'%s' is an invalid keyword argument for %s()" % (k, fname))
        return _make(name, data)
    cons.__name__ = cons.__qualname__ = fname
    cons.__module__ = '_hashlib'
    return cons


md5 = _constructor('md5')
sha1 = _constructor('sha1')
sha224 = _constructor('sha224')
sha256 = _constructor('sha256')
sha384 = _constructor('sha384')
sha512 = _constructor('sha512')
sha3_224 = _constructor('sha3_224')
sha3_256 = _constructor('sha3_256')
sha3_384 = _constructor('sha3_384')
sha3_512 = _constructor('sha3_512')
shake_128 = _constructor('shake_128')
shake_256 = _constructor('shake_256')


def _unsigned(value, what):
    if not isinstance(value, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
    if value < 0:
        raise ValueError("value must be positive")
    return value


class _Blake2(_State):
    __slots__ = ('_h', '_digest_size')
    _EXTRA = '_digest_size'

    def __new__(cls, *args, **kwargs):
        cname = cls._NAME
        if len(args) > 1:
            raise TypeError("%s() takes at most 1 positional argument (%d given)" % (cname, len(args)))
        opts = {'digest_size': cls.MAX_DIGEST_SIZE, 'key': b'', 'salt': b'', 'person': b'',
                'fanout': 1, 'depth': 1, 'leaf_size': 0, 'node_offset': 0, 'node_depth': 0,
                'inner_size': 0, 'last_node': False, 'usedforsecurity': True}
        data = args[0] if args else None
        for k, v in kwargs.items():
            if k in opts:
                opts[k] = v
            else:
                raise TypeError("'%s' is an invalid keyword argument for %s()" % (k, cname))
        digest_size = opts['digest_size']
        maxd = cls.MAX_DIGEST_SIZE
        if not isinstance(digest_size, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(digest_size).__name__)
        if not 1 <= digest_size <= maxd:
            raise ValueError("digest_size must be between 1 and %d bytes" % maxd)
        key, salt, person = (memoryview(opts[n]).tobytes() if not isinstance(opts[n], (bytes, bytearray, str)) else opts[n]
                             for n in ('key', 'salt', 'person'))
        for v in (salt, person):
            if isinstance(v, str):
                raise TypeError("a bytes-like object is required, not 'str'")
        if len(salt) > cls.SALT_SIZE:
            raise ValueError("maximum salt length is %d bytes" % cls.SALT_SIZE)
        if len(person) > cls.PERSON_SIZE:
            raise ValueError("maximum person length is %d bytes" % cls.PERSON_SIZE)
        fanout = opts['fanout']
        if not isinstance(fanout, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(fanout).__name__)
        if not 0 <= fanout <= 255:
            raise ValueError("fanout must be between 0 and 255")
        depth = opts['depth']
        if not isinstance(depth, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(depth).__name__)
        if not 1 <= depth <= 255:
            raise ValueError("depth must be between 1 and 255")
        leaf_size = _unsigned(opts['leaf_size'], 'leaf_size')
        if leaf_size >= 1 << 32:
            raise OverflowError("leaf_size is too large")
        node_offset = _unsigned(opts['node_offset'], 'node_offset')
        if node_offset >= 1 << cls._OFFSET_BITS:
            raise OverflowError("node_offset is too large")
        node_depth = opts['node_depth']
        if not isinstance(node_depth, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(node_depth).__name__)
        if not 0 <= node_depth <= 255:
            raise ValueError("node_depth must be between 0 and 255")
        inner_size = opts['inner_size']
        if not isinstance(inner_size, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(inner_size).__name__)
        if not 0 <= inner_size <= maxd:
            raise ValueError("inner_size must be between 0 and is %d" % maxd)
        if isinstance(key, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        if len(key) > cls.MAX_KEY_SIZE:
            raise ValueError("maximum key length is %d bytes" % cls.MAX_KEY_SIZE)
        if data is not None:
            _check_data(data)
        self = object.__new__(cls)
        self._h = _spry_hash.blake2(cls._NAME, digest_size, bytes(key), bytes(salt), bytes(person),
                                    fanout, depth, leaf_size, node_offset, node_depth,
                                    inner_size, bool(opts['last_node']))
        self._digest_size = digest_size
        if data is not None:
            _spry_hash.update(self._h, data)
        return self

    @property
    def name(self):
        return self._NAME

    @property
    def digest_size(self):
        return self._digest_size

    @property
    def block_size(self):
        return self._BLOCK



class blake2b(_Blake2):
    """Return a new BLAKE2b hash object."""
    __slots__ = ()
    _NAME = 'blake2b'
    _BLOCK = 128
    _OFFSET_BITS = 64
    SALT_SIZE = 16
    PERSON_SIZE = 16
    MAX_KEY_SIZE = 64
    MAX_DIGEST_SIZE = 64


class blake2s(_Blake2):
    """Return a new BLAKE2s hash object."""
    __slots__ = ()
    _NAME = 'blake2s'
    _BLOCK = 64
    _OFFSET_BITS = 48
    SALT_SIZE = 8
    PERSON_SIZE = 8
    MAX_KEY_SIZE = 32
    MAX_DIGEST_SIZE = 32


blake2b.__module__ = blake2s.__module__ = '_blake2'

_blake2s_by_name = {'blake2b': blake2b, 'blake2s': blake2s}


def __hash_new(name, data=b'', **kwargs):
    """new(name, data=b'') - Return a new hashing object using the named algorithm;
    optionally initialized with data (which must be a bytes-like object).
    """
    if not isinstance(name, str):
        raise TypeError("name must be a string")
    if name in _blake2s_by_name:
        return _blake2s_by_name[name](data, **kwargs)
    canon = name if name in _SIZES else _OPENSSL_NAMES.get(name.lower())
    if canon is None:
        raise ValueError('unsupported hash type ' + name)
    if canon in _blake2s_by_name:
        return _blake2s_by_name[canon](data)
    if 'string' in kwargs:
        raise TypeError("argument for new() given by name ('string') and position (2)")
    for k in kwargs:
        if k != 'usedforsecurity':
            raise TypeError("'%s' is an invalid keyword argument for new()" % k)
    return _make(canon, data)


new = __hash_new


def pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None):
    """Password based key derivation function 2 (PKCS #5 v2.0) with HMAC as
    pseudorandom function."""
    if not isinstance(hash_name, str):
        raise TypeError("pbkdf2_hmac() argument 'hash_name' must be str, not %s" % type(hash_name).__name__)
    for v in (password, salt):
        if isinstance(v, str):
            raise TypeError("a bytes-like object is required, not 'str'")
    if not isinstance(iterations, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(iterations).__name__)
    canon = hash_name if hash_name in _SIZES else _OPENSSL_NAMES.get(hash_name.lower())
    if canon is None or canon.startswith('shake'):
        raise UnsupportedDigestmodError("[digital envelope routines] unsupported")
    if iterations < 1:
        raise ValueError("iteration value must be greater than 0.")
    if iterations >= 1 << 32:
        raise OverflowError("iteration value is too great.")
    if dklen is None:
        dklen = _SIZES[canon][0] if canon in _SIZES else (64 if canon == 'blake2b' else 32)
    if not isinstance(dklen, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(dklen).__name__)
    if dklen < 1:
        raise ValueError("key length must be greater than 0.")
    if dklen >= 1 << 31:
        raise OverflowError("key length is too great.")
    out = _spry_hash.pbkdf2_hmac(canon, password, salt, iterations, dklen)
    if out is None:
        raise UnsupportedDigestmodError("[digital envelope routines] unsupported")
    return out


def scrypt(password, *args, salt=None, n=None, r=None, p=None, maxmem=0, dklen=64):
    """scrypt password-based key derivation function."""
    if args:
        raise TypeError("scrypt() takes exactly 1 positional argument (%d given)" % (len(args) + 1))
    if isinstance(password, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    if salt is None:
        raise TypeError("salt is required")
    if isinstance(salt, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    for v, what in ((n, 'n'), (r, 'r'), (p, 'p')):
        if not isinstance(v, int) or v < 0:
            raise TypeError("%s is required and must be an unsigned int" % what)
    if n < 2 or n & (n - 1):
        raise ValueError("n must be a power of 2.")
    if not isinstance(maxmem, int) or not 0 <= maxmem <= 0x7fffffff:
        raise ValueError("maxmem must be positive and smaller than %d" % 0x7fffffff)
    if not isinstance(dklen, int) or not 1 <= dklen <= 0x7fffffff - 1:
        raise ValueError("dklen must be greater than 0 and smaller than %d" % 0x7fffffff)
    # OpenSSL's checks: r * p < 2**30, n < 2**(16 r); then the memory its
    # buffers take against maxmem (32 MiB when 0).
    if r < 1 or p < 1 or r * p >= 1 << 30 or n.bit_length() - 1 >= 16 * r:
        raise ValueError("Invalid parameter combination for n, r, p, maxmem.")
    if 128 * r * (n + 2) + 128 * r * p > (maxmem or 32 * 1024 * 1024):
        raise ValueError("[digital envelope routines] memory limit exceeded")
    out = _spry_hash.scrypt(password, salt, n.bit_length() - 1, r, p, dklen)
    if out is None:
        raise ValueError("Invalid parameter combination for n, r, p, maxmem.")
    return out


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    """Hash the contents of a file-like object. Returns a digest object.

    *fileobj* must be a file-like object opened for reading in binary mode.
    It accepts file objects from open(), io.BytesIO(), and SocketIO objects.
    The function may bypass Python's I/O and use the file descriptor *fileno*
    directly.

    *digest* must either be a hash algorithm name as a *str*, a hash
    constructor, or a callable that returns a hash object.
    """
    if isinstance(digest, str):
        digestobj = new(digest)
    else:
        digestobj = digest()

    if hasattr(fileobj, "getbuffer"):
        # io.BytesIO object, use zero-copy buffer
        digestobj.update(fileobj.getbuffer())
        return digestobj

    # Only binary files implement readinto().
    if not (
        hasattr(fileobj, "readinto")
        and hasattr(fileobj, "readable")
        and fileobj.readable()
    ):
        raise ValueError(
            f"'{fileobj!r}' is not a file-like object in binary reading mode."
        )

    # binary file, socket.SocketIO object
    # Note: socket I/O uses different syscalls than file I/O.
    buf = bytearray(_bufsize)  # Reusable buffer to reduce allocations.
    view = memoryview(buf)
    while True:
        size = fileobj.readinto(buf)
        if size == 0:
            break  # EOF
        digestobj.update(view[:size])

    return digestobj
