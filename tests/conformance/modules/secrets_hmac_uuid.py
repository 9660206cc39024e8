import secrets, hmac, hashlib, uuid, string
print(len(secrets.token_bytes(16)), len(secrets.token_hex(8)), len(secrets.token_urlsafe(12)))
print(secrets.choice("abc") in "abc", 0 <= secrets.randbelow(10) < 10, secrets.randbits(8) < 256)
print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest("abc", "abd"), secrets.compare_digest(b"a", b"ab"))
try:
    hmac.compare_digest("é", "e")
except TypeError as e:
    print("TypeError", e)
try:
    hmac.compare_digest(1, 2)
except TypeError as e:
    print("TypeError", e)
h = hmac.new(b"key", b"message", hashlib.sha256)
print(h.hexdigest(), h.name, h.digest_size)
print(hmac.digest(b"key", b"msg", "sha256").hex())
h2 = h.copy(); h2.update(b"more"); print(h2.hexdigest() != h.hexdigest())
u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, u.hex, u.int, u.version, u.variant, repr(u), u.urn, u.bytes)
print(uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL.version)
r = uuid.uuid4(); print(r.version, len(str(r)), uuid.UUID(str(r)) == r)
print(uuid.UUID(bytes=u.bytes) == u, uuid.UUID(int=5), uuid.SafeUUID.unknown)
try:
    uuid.UUID("bad")
except ValueError as e:
    print("ValueError", e)
print(sorted([uuid.UUID(int=3), uuid.UUID(int=1)]))
