# hashlib (sha256/sha512) digests; warnings filters and catch_warnings.
import hashlib
import warnings

print(hashlib.sha256(b"").hexdigest())
print(hashlib.sha256(b"abc").hexdigest())
h = hashlib.sha512()
h.update(b"hello ")
h.update(b"world")
print(h.hexdigest())
print(hashlib.new("sha256", b"x" * 1000).hexdigest(), h.digest_size, h.name, len(h.digest()))
try:
    hashlib.sha256("text")
except TypeError as e:
    print(type(e).__name__, e)

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("first warning")
    warnings.warn("deprecated thing", DeprecationWarning)
    print("recorded:", [(str(x.message), x.category.__name__) for x in w])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised:", type(e).__name__, e)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("silent")
print("done")
