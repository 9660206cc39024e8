# hashlib: every guaranteed algorithm (digests, copy, names, sizes, reprs),
# SHAKE lengths, BLAKE2 parameters, new() by name, pbkdf2_hmac, scrypt,
# file_digest, and CPython's argument errors.
import hashlib
import hmac
import io
import re
from hashlib import blake2b, blake2s


def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, re.sub('0x[0-9a-f]+', '0xX', str(e)))
    else:
        print(re.sub('0x[0-9a-f]+', '0xX', repr(r)))


print(sorted(hashlib.algorithms_guaranteed))
print(hashlib.algorithms_guaranteed <= hashlib.algorithms_available)
print(hashlib.__all__)

for n in sorted(hashlib.algorithms_guaranteed):
    xof = n.startswith('shake')
    a = (16,) if xof else ()
    h = hashlib.new(n, b'hello')
    h2 = h.copy()
    h2.update(b' world')
    h2.update(bytearray(b'!'))
    h2.update(memoryview(b'?'))
    print(n, h.name, h.digest_size, h.block_size, h.hexdigest(*a), h2.hexdigest(*a))
    print('  ', re.sub('0x[0-9a-f]+', '0xX', repr(h)), type(h).__module__, type(h).__name__)
    c = getattr(hashlib, n)
    assert c(b'hello world!?').digest(*a) == h2.digest(*a)
    assert h.digest(*a) == h.digest(*a)
    e = hashlib.new(n)
    print('   empty', e.hexdigest(*a))
    big = c(b'abc' * 100000)
    print('   big', big.hexdigest(*a))

# SHAKE lengths
s = hashlib.shake_256(b'data')
print(s.digest(0), s.hexdigest(1), len(s.digest(1000)), s.digest(64)[:8] == s.digest(8))
show(lambda: s.hexdigest())
show(lambda: s.digest(-1))
show(lambda: s.digest(2 ** 63))
show(lambda: s.digest(length=4))

# BLAKE2 parameters
print(blake2b(b'abc', digest_size=20).hexdigest())
print(blake2b(b'abc', key=b'k', salt=b's', person=b'p', fanout=2, depth=3, leaf_size=5,
              node_offset=7, node_depth=1, inner_size=9, last_node=True).hexdigest())
print(blake2s(b'abc', key=b'k', salt=b's', person=b'p', fanout=2, depth=3, leaf_size=5,
              node_offset=7, node_depth=1, inner_size=9, last_node=True, digest_size=17).hexdigest())
print(blake2b(key=b'secret', digest_size=16).hexdigest(), blake2s(b'x').hexdigest())
show(lambda: blake2s(data=b'x'))
show(lambda: s.hexdigest(-1))
print(blake2b.SALT_SIZE, blake2b.PERSON_SIZE, blake2b.MAX_KEY_SIZE, blake2b.MAX_DIGEST_SIZE,
      blake2s.SALT_SIZE, blake2s.PERSON_SIZE, blake2s.MAX_KEY_SIZE, blake2s.MAX_DIGEST_SIZE)
b = blake2b(digest_size=10)
print(b.name, b.digest_size, b.block_size, b.copy().digest_size)
print(hashlib.new('blake2s', b'x', digest_size=8).hexdigest())
for f in [lambda: blake2b(digest_size=0), lambda: blake2b(digest_size=65), lambda: blake2s(digest_size=33),
          lambda: blake2b(key=b'x' * 65), lambda: blake2s(key=b'x' * 33), lambda: blake2b(salt=b'x' * 17),
          lambda: blake2s(person=b'x' * 9), lambda: blake2b(fanout=256), lambda: blake2b(depth=0),
          lambda: blake2b(leaf_size=2 ** 32), lambda: blake2b(leaf_size=-1), lambda: blake2b(node_offset=-1),
          lambda: blake2s(node_offset=2 ** 48), lambda: blake2b(node_depth=256), lambda: blake2b(inner_size=65),
          lambda: blake2b('x'), lambda: blake2b(1), lambda: blake2b(b'', b''), lambda: blake2b(key='x'),
          lambda: blake2b(foo=1)]:
    show(f)

# new() and the constructors
for name in ['SHA256', 'sha-256', 'SHA3-256', 'shake128', 'blake2b512', 'MD5', 'sha512_256',
             'foo', 'SHA3_256', 'Blake2b']:
    show(lambda: hashlib.new(name).name)
show(lambda: hashlib.new(1))
show(lambda: hashlib.new('md5', data=b'x').hexdigest())
show(lambda: hashlib.new(name='md5', data=b'x').hexdigest())
show(lambda: hashlib.new('md5', string=b'x'))
show(lambda: hashlib.sha256(string=b'x').hexdigest())
show(lambda: hashlib.sha256(data=b'x'))
show(lambda: hashlib.sha256(b'a', b'b'))
show(lambda: hashlib.sha256(b'a', usedforsecurity=False).hexdigest())
show(lambda: hashlib.sha256.__name__)
show(lambda: hashlib.new('sha256', 'x'))
show(lambda: hashlib.sha256('x'))
show(lambda: hashlib.sha256(1))
show(lambda: hashlib.sha256().update('x'))
show(lambda: hashlib.sha256().update(1))
show(lambda: type(hashlib.sha256())())

# pbkdf2_hmac
show(lambda: hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 2).hex())
show(lambda: hashlib.pbkdf2_hmac('sha512', b'password', b'salt', 1000).hex())
show(lambda: hashlib.pbkdf2_hmac('sha1', b'password', b'salt', 4096, 20).hex())
show(lambda: hashlib.pbkdf2_hmac('md5', b'p', b's', 3, 50).hex())
show(lambda: hashlib.pbkdf2_hmac('sha3_256', b'p', b's', 2).hex())
show(lambda: hashlib.pbkdf2_hmac('SHA256', bytearray(b'p'), memoryview(b's'), 1).hex())
show(lambda: hashlib.pbkdf2_hmac('foo', b'p', b's', 2))
show(lambda: hashlib.pbkdf2_hmac('sha1', b'p', b's', 0))
show(lambda: hashlib.pbkdf2_hmac('sha1', b'p', b's', 1, 0))
show(lambda: hashlib.pbkdf2_hmac('sha1', 'p', b's', 1))
show(lambda: hashlib.pbkdf2_hmac('sha1', b'p', b's', 1.0))

# scrypt (RFC 7914 vector)
show(lambda: hashlib.scrypt(b'password', salt=b'NaCl', n=1024, r=8, p=16).hex())
show(lambda: hashlib.scrypt(b'p', salt=b's', n=16, r=1, p=1, dklen=16).hex())
for f in [lambda: hashlib.scrypt(b'p', salt=b's', n=3, r=1, p=1), lambda: hashlib.scrypt(b'p', salt=b's', n=1, r=1, p=1),
          lambda: hashlib.scrypt(b'p', salt=b's', n=2 ** 20, r=8, p=1), lambda: hashlib.scrypt(b'p', b's', 16, 1, 1),
          lambda: hashlib.scrypt('p', salt=b's', n=16, r=1, p=1), lambda: hashlib.scrypt(b'p', n=16, r=1, p=1),
          lambda: hashlib.scrypt(b'p', salt=b's', n=16, r=0, p=1),
          lambda: hashlib.scrypt(b'p', salt=b's', n=16, r=1, p=1, dklen=0), lambda: hashlib.scrypt(b'p', salt=b's', r=1, p=1)]:
    show(f)

# file_digest
print(hashlib.file_digest(io.BytesIO(b'abc'), 'sha256').hexdigest())
print(hashlib.file_digest(io.BytesIO(b'abc' * 100000), hashlib.sha3_224).hexdigest())
show(lambda: hashlib.file_digest(io.StringIO('abc'), 'md5'))

# hmac over the new algorithms
print(hmac.new(b'key', b'msg', 'sha3_256').hexdigest(), hmac.digest(b'k', b'm', 'sha384').hex())
print(hmac.new(b'key', b'msg', hashlib.blake2s).hexdigest())
