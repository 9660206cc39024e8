import hashlib, uuid
for data in [b"", b"a", b"abc", b"message digest", b"x" * 55, b"x" * 56, b"x" * 63, b"x" * 64, b"x" * 65, bytes(range(256)) * 9]:
    print(hashlib.md5(data).hexdigest(), hashlib.sha1(data).hexdigest(), hashlib.new("SHA1", data).hexdigest() == hashlib.sha1(data).hexdigest())
h = hashlib.md5(); h.update(b"ab"); h.update(b"c"); print(h.hexdigest(), h.name, h.digest_size, h.block_size)
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_URL, "http://x"))
print(sorted(hashlib.algorithms_guaranteed & {"md5", "sha1", "sha256", "sha512"}))
