"""hashlib: secure hashes (Spry: md5, sha1, sha256 and sha512, computed in Rust)."""

import _sha2

__all__ = ('new', 'algorithms_guaranteed', 'algorithms_available', 'md5', 'sha1', 'sha256', 'sha512')

algorithms_guaranteed = frozenset(('md5', 'sha1', 'sha256', 'sha512'))
algorithms_available = algorithms_guaranteed


class _Hash:
    __slots__ = ('_data',)
    name = None
    digest_size = 0
    block_size = 0
    _fn = None

    def __init__(self, data=b'', *, usedforsecurity=True):
        if isinstance(data, str):
            raise TypeError("Strings must be encoded before hashing")
        self._data = bytearray(data)

    def update(self, data):
        if isinstance(data, str):
            raise TypeError("Strings must be encoded before hashing")
        self._data += data

    def digest(self):
        return type(self)._fn(bytes(self._data))

    def hexdigest(self):
        return self.digest().hex()

    def copy(self):
        other = type(self)()
        other._data = bytearray(self._data)
        return other

    def __repr__(self):
        return "<%s _hashlib.HASH object @ %#x>" % (self.name, id(self))


class sha256(_Hash):
    __slots__ = ()
    name = 'sha256'
    digest_size = 32
    block_size = 64
    _fn = staticmethod(_sha2.sha256_digest)


class md5(_Hash):
    __slots__ = ()
    name = 'md5'
    digest_size = 16
    block_size = 64
    _fn = staticmethod(_sha2.md5_digest)


class sha1(_Hash):
    __slots__ = ()
    name = 'sha1'
    digest_size = 20
    block_size = 64
    _fn = staticmethod(_sha2.sha1_digest)


class sha512(_Hash):
    __slots__ = ()
    name = 'sha512'
    digest_size = 64
    block_size = 128
    _fn = staticmethod(_sha2.sha512_digest)


def new(name, data=b'', **kwargs):
    cls = _by_name.get(name.lower().replace('-', '').replace('_', ''))
    if cls is None:
        raise ValueError('unsupported hash type ' + name)
    return cls(data)


_by_name = {c.name: c for c in (md5, sha1, sha256, sha512)}
