# pathlib, urllib.parse, base64/binascii, errno, ipaddress (CPython's pure-Python modules) and open() of a Path.
import pathlib, errno, base64, binascii, ipaddress
import urllib.parse as up

p = pathlib.Path("/usr/lib") / "python3" / "x.tar.gz"
print(p, p.name, p.suffix, p.suffixes, p.stem, p.parent, p.parts, p.with_suffix(".zip"), p.is_absolute(), repr(p))
q = pathlib.PurePosixPath("a/b/../c")
print(q, q.as_posix(), pathlib.Path(".").resolve().is_dir(), pathlib.Path("pathlib_urllib_base64.py").exists())
print(pathlib.Path("pathlib_urllib_base64.py").read_text()[:9], pathlib.Path("a/b").relative_to("a"), pathlib.Path("x").joinpath("y", "z"))
print(sorted(x.name for x in pathlib.Path(".").glob("pathlib_urllib_base64.p*")), pathlib.PurePath("a") == pathlib.PurePath("a"), pathlib.Path("a/b").match("*/b"))
t = pathlib.Path(f"_tmp_pathlib_case_{__import__('os').getpid()}.txt")  # pid: parallel runs apart
t.write_text("hi there")
with open(t) as f:
    print(f.read(), t.stat().st_size, t.is_file())
t.unlink()
print(t.exists())
try:
    pathlib.Path("missing_dir_xyz/file").read_text()
except FileNotFoundError as e:
    print(type(e).__name__, e.errno == errno.ENOENT)
print(up.urlparse("http://user@host:8080/p/a?q=1&r=2#frag"), up.quote("a b/c"), up.unquote("a%20b"), up.urlencode({"a": 1, "b": "x y"}), up.parse_qs("a=1&a=2&b=3"))
print(up.urljoin("http://a/b/c/d", "../e"), up.urlsplit("https://x.org/p?q").netloc, up.quote_plus("a+b c"))
print(base64.b64encode(b"hello world"), base64.b64decode(b"aGVsbG8gd29ybGQ="), base64.urlsafe_b64encode(b"\xfb\xff"), base64.b16encode(b"\x01\xab"), base64.b32encode(b"abc"))
print(binascii.hexlify(b"\x00\xff"), binascii.unhexlify("00ff"), binascii.crc32(b"hello"), binascii.b2a_base64(b"xy"))
try:
    base64.b64decode(b"abc")
except binascii.Error as e:
    print(type(e).__name__, e)
print(errno.ENOENT, errno.errorcode[2], errno.EEXIST)
print(ipaddress.ip_address("192.168.1.1"), ipaddress.ip_network("10.0.0.0/30").num_addresses, list(ipaddress.ip_network("10.0.0.0/30").hosts()), ipaddress.ip_address("::1").is_loopback)
