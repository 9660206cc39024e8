# memoryview: attributes, cast (formats, shapes, errors), item access and
# assignment with non-byte formats, slices with steps, iteration,
# release, comparisons, hashing, views over bytes, bytearray, array.array
# and other views, repr and dir.
import array
import re
import struct


def t(label, f):
    try:
        r = f()
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)


def addr(s):
    return re.sub(r"0x[0-9a-f]+", "0xADDR", s)


ATTRS = ["obj", "nbytes", "readonly", "itemsize", "format", "ndim", "shape",
         "strides", "suboffsets", "c_contiguous", "f_contiguous", "contiguous"]


def show(label, v):
    print(label, [(a, getattr(v, a)) for a in ATTRS])


# ----- construction and attributes -----
b = bytearray(b"abcdefgh")
m = memoryview(b)
show("bytearray", m)
show("bytes", memoryview(b"xyz"))
show("empty", memoryview(b""))
show("view of view", memoryview(m))
show("array i", memoryview(array.array("i", [1, -2, 3])))
for tc in "bBuhHiIlLqQfd":
    v = memoryview(array.array(tc))
    print("array", tc, v.format, v.itemsize, v.readonly)
t("int", lambda: memoryview(1))
t("str", lambda: memoryview("abc"))
t("list", lambda: memoryview([1, 2]))
t("none", lambda: memoryview())
t("two", lambda: memoryview(b"a", b"b"))
t("kw", lambda: memoryview(object=b"xy").tobytes())


class MyBytes(bytes):
    pass


class MyBA(bytearray):
    pass


t("bytes subclass obj", lambda: type(memoryview(MyBytes(b"xy")).obj).__name__)
q = MyBA(b"xy")
memoryview(q)[0] = 65
print("bytearray subclass write", q)

# ----- cast -----
t("cast I", lambda: m.cast("I").tolist())
t("cast I item", lambda: m.cast("I")[0])
t("cast I neg", lambda: m.cast("I")[-1])
t("cast I oob", lambda: m.cast("I")[2])
t("cast I oob neg", lambda: m.cast("I")[-3])
show("cast H", m.cast("H"))
t("cast Q", lambda: m.cast("Q").tolist())
t("cast @B", lambda: m.cast("@B").format)
t("cast c", lambda: m.cast("c").tolist())
t("cast ?", lambda: memoryview(b"\x00\x01\x02").cast("?").tolist())
t("cast b", lambda: memoryview(b"\xff\x7f\x80").cast("b").tolist())
t("cast f", lambda: memoryview(struct.pack("ff", 1.5, 0.1)).cast("f").tolist())
t("cast d", lambda: memoryview(struct.pack("d", 2.25)).cast("d").tolist())
t("cast h", lambda: memoryview(struct.pack("hh", -2, 300)).cast("h").tolist())
t("cast q", lambda: memoryview(struct.pack("q", -5)).cast("q").tolist())
t("itemsizes", lambda: [m.cast(c).itemsize for c in "BbcHhIiLlQqnNfd?P"])
t("non-byte to non-byte", lambda: m.cast("I").cast("H"))
t("back to bytes", lambda: m.cast("I").cast("B").tolist())
t("not multiple", lambda: m[:3].cast("H"))
t("not contiguous", lambda: m[::2].cast("B"))
t("bad format x", lambda: m.cast("x"))
t("bad format <B", lambda: m.cast("<B"))
t("bad format BB", lambda: m.cast("BB"))
t("bad format empty", lambda: m.cast(""))
t("bad format e", lambda: m.cast("e"))
t("format not str", lambda: m.cast(1))
t("no format", lambda: m.cast())
t("too many args", lambda: m.cast("B", [8], 1))

# ----- multi-dimensional -----
m2 = m.cast("B", [2, 4])
show("2x4", m2)
t("2x4 tolist", lambda: m2.tolist())
t("2x4 len", lambda: len(m2))
t("2x4 tobytes", lambda: m2.tobytes())
t("2x4 tobytes F", lambda: m2.tobytes("F"))
t("2x4 tobytes A", lambda: m2.tobytes(order="A"))
t("2x4 tobytes bad", lambda: m2.tobytes("X"))
t("2x4 tobytes int", lambda: m2.tobytes(1))
t("2x4 hex", lambda: m2.hex())
t("2x4 item", lambda: m2[1, 2])
t("2x4 item neg", lambda: m2[1, -1])
t("2x4 item oob", lambda: m2[1, 4])
t("2x4 int index", lambda: m2[0])
t("2x4 3-tuple", lambda: m2[1, 2, 3])
t("2x4 slice", lambda: m2[0:1].tolist())
t("2x4 reversed", lambda: m2[::-1].tolist())
show("2x4 reversed", m2[::-1])
t("2x4 multislice", lambda: m2[0:1, 0:1])
t("2x4 bad key", lambda: m2["a"])
t("2x4 iter", lambda: list(m2))
t("2x4 cast I", lambda: m2.cast("I").tolist())
t("2x4 cast B", lambda: m2.cast("B").tolist())
t("2x4 to 4x2", lambda: m2.cast("B", [4, 2]))
t("shape mismatch", lambda: m.cast("B", [3, 3]))
t("shape zero", lambda: m.cast("B", [2, 0, 4]))
t("shape negative", lambda: m.cast("B", [2, -4]))
t("shape str", lambda: m.cast("B", ["2", 4]))
t("shape int", lambda: m.cast("B", 8))
t("shape none", lambda: m.cast("B", None))
t("shape huge", lambda: m.cast("B", [2 ** 40, 2 ** 40]))
t("shape 65 dims", lambda: m.cast("B", [1] * 65))
t("cast I shape", lambda: m.cast("I", [1, 2]).tolist())
t("cast H 2x2", lambda: m.cast(format="H", shape=[2, 2]).tolist())
m3 = memoryview(bytes(range(24))).cast("B", [2, 3, 4])
t("3d", lambda: m3.tolist())
t("3d strides", lambda: (m3.shape, m3.strides, m3[1, 2, 3]))
t("3d step", lambda: m3[::-1].tolist()[0][0])
t("3x2 step", lambda: memoryview(b"abcdef").cast("B", [3, 2])[::2].tolist())
t("zero-dim", lambda: m.cast("Q", []).tolist())
m0 = m.cast("Q", [])
show("zero-dim", m0)
t("zero-dim ()", lambda: m0[()])
t("zero-dim ...", lambda: m0[...] is m0)
t("zero-dim 0", lambda: m0[0])
t("zero-dim len", lambda: len(m0))
t("zero-dim iter", lambda: list(m0))
t("zero-dim cast", lambda: m0.cast("B").tolist())
t("empty slice cast", lambda: memoryview(b"abcdef")[1:1].cast("I").tolist())
t("empty 2d cast", lambda: m2[1:1].cast("B"))

# ----- item access and assignment -----
b = bytearray(b"abcdefgh")
m = memoryview(b)


def s(v, k, x):
    v[k] = x
    return b


t("set 0", lambda: s(m, 0, 65))
t("set -1", lambda: s(m, -1, 66))
t("set oob", lambda: s(m, 8, 66))
t("set 256", lambda: s(m, 0, 256))
t("set -1 value", lambda: s(m, 0, -1))
t("set str", lambda: s(m, 0, "a"))
t("set float", lambda: s(m, 0, 1.0))
t("set True", lambda: s(m, 0, True))
t("set float key", lambda: s(m, 1.0, 1))
t("set str key", lambda: s(m, "a", 1))
t("slice set", lambda: s(m, slice(1, 3), b"xy"))
t("slice set long", lambda: s(m, slice(1, 3), b"xyz"))
t("slice set bytearray", lambda: s(m, slice(1, 3), bytearray(b"QR")))
t("slice set view", lambda: s(m, slice(1, 3), memoryview(b"ST")))
t("slice set list", lambda: s(m, slice(1, 3), [1, 2]))
t("slice set array B", lambda: s(m, slice(1, 3), array.array("B", [7, 8])))
t("slice set array b", lambda: s(m, slice(1, 3), array.array("b", [7, 8])))
t("slice set step", lambda: s(m, slice(0, 8, 2), b"1234"))
t("slice set reversed", lambda: s(m, slice(None, None, -1), b"12345678"))
t("slice set overlap", lambda: s(m, slice(0, 4), m[4:8]))
mi = m.cast("I")
t("I set", lambda: s(mi, 0, 5))
t("I set big", lambda: s(mi, 1, 2 ** 32))
t("I set neg", lambda: s(mi, 1, -1))
t("i set neg", lambda: s(m.cast("i"), 1, -1))
t("i set big", lambda: s(m.cast("i"), 1, 2 ** 31))
t("I set str", lambda: s(mi, 1, "x"))
t("I set float", lambda: s(mi, 1, 1.5))
t("I slice bytes", lambda: s(mi, slice(0, 1), b"abcd"))
t("I slice I", lambda: s(mi, slice(0, 1), memoryview(b"abcd").cast("I")))
t("I slice len", lambda: s(mi, slice(0, 2), memoryview(b"abcd").cast("I")))
t("I slice i", lambda: s(mi, slice(0, 1), memoryview(b"abcd").cast("i")))
t("I slice @I", lambda: s(mi, slice(0, 1), memoryview(b"wxyz").cast("@I")))
t("b set", lambda: s(m.cast("b"), 0, -128))
t("b set big", lambda: s(m.cast("b"), 0, 128))
t("c set", lambda: s(m.cast("c"), 0, b"z"))
t("c set long", lambda: s(m.cast("c"), 0, b"zz"))
t("c set str", lambda: s(m.cast("c"), 0, "z"))
t("c set int", lambda: s(m.cast("c"), 0, 65))
t("? set list", lambda: s(m.cast("?"), 0, []))
t("? set str", lambda: s(m.cast("?"), 1, "x"))
t("d set", lambda: s(m.cast("d"), 0, 1.5))
t("d set int", lambda: s(m.cast("d"), 0, 3))
t("d set str", lambda: s(m.cast("d"), 0, "x"))
t("f set huge", lambda: s(m.cast("f"), 0, 1e300))
t("f set huge int", lambda: s(m.cast("f"), 0, 2 ** 1100))
t("Q set big", lambda: s(m.cast("Q"), 0, 2 ** 64))
t("Q set neg", lambda: s(m.cast("Q"), 0, -1))
t("Q set max", lambda: s(m.cast("Q"), 0, 2 ** 64 - 1))
t("q set big", lambda: s(m.cast("q"), 0, 2 ** 63))
t("l set big", lambda: s(m.cast("l"), 0, 2 ** 63))
t("L set neg", lambda: s(m.cast("L"), 0, -1))
t("n set big", lambda: s(m.cast("n"), 0, 2 ** 63))
t("N set neg", lambda: s(m.cast("N"), 0, -1))
t("P set neg", lambda: s(m.cast("P"), 0, -1))
t("P set big", lambda: s(m.cast("P"), 0, 2 ** 64))
t("H set big", lambda: s(m.cast("H"), 0, 2 ** 16))
t("h set small", lambda: s(m.cast("h"), 0, -2 ** 15 - 1))
t("@B set big", lambda: s(m.cast("@B"), 0, 300))


class Idx:
    def __index__(self):
        return 7


class Flt:
    def __float__(self):
        return 2.5


t("H set index", lambda: s(m.cast("H"), 0, Idx()))
t("B index key", lambda: s(m.cast("B"), Idx(), 9))
t("d set index", lambda: s(m.cast("d"), 0, Idx()))
t("d set float", lambda: s(m.cast("d"), 0, Flt()))
t("H set float obj", lambda: s(m.cast("H"), 0, Flt()))
m24 = m.cast("B", [2, 4])
t("2d set int", lambda: s(m24, 0, 1))
t("2d set tuple", lambda: s(m24, (0, 1), 1))
t("2d set short tuple", lambda: s(m24, (0,), 1))
t("2d set long tuple", lambda: s(m24, (0, 1, 2), 1))
t("2d set slice", lambda: s(m24, slice(0, 1), b"abcd"))
t("2d set multislice", lambda: s(m24, (slice(0, 1), slice(0, 1)), b"abcd"))
t("2d set bad key", lambda: s(m24, "x", b"abcd"))
t("0d set", lambda: s(m.cast("Q", []), ..., 1))
t("0d set ()", lambda: s(m.cast("B", []), (), 1))
t("0d set 0", lambda: s(m.cast("Q", []), 0, 1))
t("readonly set", lambda: s(memoryview(b"abc"), 0, 1))
t("readonly set bad", lambda: s(memoryview(b"abc"), 0, 1000))
t("readonly set slice", lambda: s(memoryview(b"abc"), slice(0, 1), b"x"))


def d(v, k):
    del v[k]


t("del", lambda: d(m, 0))
t("del readonly", lambda: d(memoryview(b"x"), 0))
t("get float key", lambda: m[1.0])
t("get str key", lambda: m["a"])
t("get None key", lambda: m[None])
t("get huge key", lambda: m[2 ** 100])
t("get Idx key", lambda: m[Idx()])
t("get 1-tuple", lambda: m[(0,)])
t("get 2-tuple", lambda: m[(0, 0)])
t("get ...", lambda: m[...])
t("get ()", lambda: m[()])
t("get slice tuple", lambda: m[(slice(None),)])
print("final", b)

# ----- slices, steps, views of views -----
v = memoryview(bytearray(b"abcdefgh"))
show("step 2", v[::2])
show("step -1", v[::-1])
show("step -2 slice", v[::-2][1:3])
t("step 2 list", lambda: v[::2].tolist())
t("step -2 list", lambda: v[::-2].tolist())
t("step 3 bytes", lambda: bytes(v[::3]))
t("nested slices", lambda: v[1:][1:].tobytes())
t("step then reverse", lambda: v[::2][::-1].tobytes())
t("empty step contiguous", lambda: (memoryview(b"abc")[0:0:2].contiguous, memoryview(b"abc")[1:2:5].contiguous))
t("step slice zero", lambda: v[::0])
t("cast then step", lambda: v.cast("H")[::2].tolist())
t("cast then step strides", lambda: v.cast("H")[::-2].strides)
t("view of strided", lambda: memoryview(v[::2]).tolist())
t("view of cast", lambda: memoryview(v.cast("H")).format)

# ----- iteration, len, toreadonly -----
print("iter", list(memoryview(b"abc")), [x for x in memoryview(b"abcdefgh").cast("H")])
it = iter(memoryview(b"abc"))
print("iterator", type(it).__name__, next(it), list(it), list(it))
print("in", 98 in memoryview(b"abc"), b"b" in memoryview(b"abc").cast("c"), 7 in memoryview(b"abc"))
print("reversed", list(reversed(memoryview(b"abc"))))
print("len", len(memoryview(b"abc")), len(memoryview(b"abcd").cast("H")), len(memoryview(b"")))
print("bool", bool(memoryview(b"")), bool(memoryview(b"a")))
r = memoryview(bytearray(b"abc")).toreadonly()
print("toreadonly", r.readonly, r.obj, r.tobytes())
t("toreadonly set", lambda: s(r, 0, 1))
t("toreadonly cast", lambda: r.cast("c").readonly)

# ----- release and context manager -----
y = memoryview(b"xyz")
y.release()
print("released repr", addr(repr(y)))
for name, f in [
    ("tobytes", lambda: y.tobytes()), ("obj", lambda: y.obj), ("nbytes", lambda: y.nbytes),
    ("format", lambda: y.format), ("shape", lambda: y.shape), ("len", lambda: len(y)),
    ("item", lambda: y[0]), ("slice", lambda: y[0:1]), ("hex", lambda: y.hex()),
    ("tolist", lambda: y.tolist()), ("cast", lambda: y.cast("B")),
    ("toreadonly", lambda: y.toreadonly()), ("release again", lambda: y.release()),
    ("list", lambda: list(y)), ("enter", lambda: y.__enter__()),
    ("exit", lambda: y.__exit__(None, None, None)), ("memoryview", lambda: memoryview(y)),
    ("set", lambda: s(y, 0, 1)), ("in", lambda: 1 in y), ("hash", lambda: hash(y)),
    ("eq self", lambda: y == y), ("eq bytes", lambda: y == b"xyz"), ("ne self", lambda: y != y),
]:
    t("released " + name, f)
with memoryview(bytearray(b"abc")) as z:
    z[0] = 65
    print("with", z.tobytes(), z.obj)
print("after with", addr(repr(z)))
mm = memoryview(bytearray(b"abc"))
it = iter(mm)
next(it)
mm.release()
t("iterate released", lambda: next(it))

# ----- hex -----
t("hex", lambda: memoryview(b"abc").hex())
t("hex sep", lambda: memoryview(b"abcdef").hex(":"))
t("hex sep 2", lambda: memoryview(b"abcdef").hex(":", 2))
t("hex kw", lambda: memoryview(b"abcdef").hex(sep="-", bytes_per_sep=-4))
t("hex H", lambda: memoryview(b"abcdef").cast("H").hex())
t("hex step", lambda: memoryview(b"abcdef")[::2].hex())
t("hex bad sep", lambda: memoryview(b"ab").hex("::"))

# ----- comparisons -----
b = bytearray(b"abcdefgh")
m = memoryview(b)
nan = float("nan")
for label, f in [
    ("== bytes", lambda: m == b"abcdefgh"),
    ("== bytearray", lambda: m == b),
    ("!= bytes", lambda: m != b"abcdefgh"),
    ("bytes ==", lambda: b"abcdefgh" == m),
    ("== str", lambda: m == "abcdefgh"),
    ("== list", lambda: m == [97]),
    ("== self", lambda: m == m),
    ("I == B", lambda: m.cast("I") == m),
    ("I == I", lambda: m.cast("I") == m.cast("I")),
    ("I == i", lambda: m.cast("I") == m.cast("i")),
    ("I == array", lambda: m.cast("I") == array.array("I", m.cast("I").tolist())),
    ("array == I", lambda: array.array("I", m.cast("I").tolist()) == m.cast("I")),
    ("b == B", lambda: m.cast("b") == m),
    ("c == B", lambda: m.cast("c") == m),
    ("2d == 1d", lambda: m.cast("B", [2, 4]) == m),
    ("2d == 2d", lambda: m.cast("B", [2, 4]) == m.cast("B", [2, 4])),
    ("1x2 == 2x1", lambda: memoryview(b"ab").cast("B", [1, 2]) == memoryview(b"ab").cast("B", [2, 1])),
    ("nan", lambda: memoryview(array.array("d", [nan])) == memoryview(array.array("d", [nan]))),
    ("d == i", lambda: memoryview(array.array("d", [1.0, 2.0])) == array.array("i", [1, 2])),
    ("B == b", lambda: memoryview(array.array("B", [1, 2])) == memoryview(array.array("b", [1, 2]))),
    ("B == b neg", lambda: memoryview(array.array("B", [255])) == memoryview(array.array("b", [-1]))),
    ("reversed", lambda: memoryview(b"ab")[::-1] == b"ba"),
    ("empty", lambda: memoryview(b"") == b""),
    ("empty step", lambda: memoryview(b"")[::2] == b""),
    ("? == ?", lambda: memoryview(b"ab").cast("?") == memoryview(b"\x01\x01").cast("?")),
    ("? == B", lambda: memoryview(b"\x01\x01").cast("?") == memoryview(b"\x01\x01").cast("B")),
    ("c == B 1", lambda: memoryview(b"\x01\x01").cast("c") == memoryview(b"\x01\x01").cast("B")),
    ("d == q 0", lambda: memoryview(bytes(8)).cast("d") == memoryview(bytes(8)).cast("q")),
    ("d == q 1", lambda: memoryview(b"\x01" + bytes(7)).cast("d") == memoryview(b"\x01" + bytes(7)).cast("q")),
    ("0d == 1d", lambda: memoryview(b"abcdefgh").cast("Q", []) == memoryview(b"abcdefgh").cast("Q")),
    ("0d == 0d", lambda: memoryview(b"abcdefgh").cast("Q", []) == memoryview(b"abcdefgh").cast("Q", [])),
    ("w == w", lambda: memoryview(array.array("u", "ab")) == memoryview(array.array("u", "ab"))),
    ("in list", lambda: [memoryview(b"a")] == [b"a"]),
]:
    t(label, f)
t("< view", lambda: m < m)
t("<= bytes", lambda: m <= b"")

# ----- hash -----
t("hash bytes", lambda: hash(memoryview(b"abc")) == hash(b"abc"))
t("hash step", lambda: hash(memoryview(b"abcd")[::2]) == hash(b"ac"))
t("hash b", lambda: hash(memoryview(b"abcd").cast("b")) == hash(b"abcd"))
t("hash c", lambda: hash(memoryview(b"abcd").cast("c")) == hash(b"abcd"))
t("hash 2d", lambda: hash(memoryview(b"abcd").cast("B", [2, 2])) == hash(b"abcd"))
t("hash I", lambda: hash(memoryview(b"abcd").cast("I")))
t("hash writable", lambda: hash(m))
t("hash readonly bytearray", lambda: hash(m.toreadonly()))
t("hash array", lambda: hash(memoryview(array.array("b", [1, 2]))))
t("hash w", lambda: hash(memoryview(array.array("u", "ab")).toreadonly()))
t("set of views", lambda: len({memoryview(b"ab"), b"ab", memoryview(b"ab")}))
t("dict key", lambda: {b"ab": 1}[memoryview(b"ab")])
hv = memoryview(b"xyz")
h = hash(hv)
hv.release()
t("hash cached after release", lambda: hash(hv) == h)

# ----- array.array -----
a = array.array("i", [1, -2, 3])
ma = memoryview(a)
t("array tolist", lambda: ma.tolist())
t("array item", lambda: ma[1])
t("array set", lambda: (s(ma, 1, 7), a)[1])
t("array set big", lambda: s(ma, 1, 2 ** 40))
t("array bytes set", lambda: (s(ma.cast("B"), 0, 2), a)[1])
t("array bytes slice set", lambda: (s(ma.cast("B"), slice(4, 8), b"\x05\x00\x00\x00"), a)[1])
t("array slice set", lambda: (s(ma, slice(0, 2), array.array("i", [9, 9])), a)[1])
t("array cast list", lambda: ma.cast("B").tolist())
t("array tobytes", lambda: ma.tobytes())
t("array obj", lambda: ma.obj is a)
t("array view obj", lambda: memoryview(ma).obj is a)
t("array f", lambda: memoryview(array.array("f", [1.5, 0.1])).tolist())
t("array d round trip", lambda: memoryview(array.array("d", [1.5, 0.1])).cast("B").cast("d").tolist())
t("array Q", lambda: memoryview(array.array("Q", [2 ** 64 - 1, 5])).tolist())
t("array L", lambda: memoryview(array.array("L", [2 ** 63]))[0])
t("array b as B", lambda: memoryview(array.array("b", [-1, 2])).cast("B").tolist())
ah = array.array("h", [1, 2, 3, 4])
mh = memoryview(ah)
t("array step", lambda: mh[::2].tolist())
t("array reversed", lambda: mh[::-1].tolist())
t("array step set", lambda: (s(mh, slice(None, None, 2), array.array("h", [9, 8])), ah)[1])
t("array set small", lambda: s(mh, 0, -40000))
t("array bytes write", lambda: (s(mh.cast("B"), slice(0, 2), b"\x01\x01"), ah)[1])
ad = array.array("d", [1.0, 2.0])
md = memoryview(ad)
md[1] = 9.5
md.cast("B")[0:8] = struct.pack("d", -4.25)
print("array d", ad)
au = memoryview(array.array("u", "ab"))
t("array u format", lambda: (au.format, au.itemsize, au.nbytes))
t("array u tolist", lambda: au.tolist())
t("array u item", lambda: au[0])
t("array u list", lambda: list(au))
t("array u set", lambda: s(au, 0, "x"))
t("array u bytes", lambda: au.tobytes())
t("array u cast", lambda: au.cast("B").tolist())
t("array u cast I", lambda: au.cast("I"))
t("array u hex", lambda: au.hex())

# ----- writes through and conversions -----
ba = bytearray(8)
mq = memoryview(ba).cast("Q")
mq[0] = 2 ** 64 - 1
print("Q write", ba)
m4 = memoryview(ba).cast("i")
m4[1] = -2
print("i write", ba, m4.tolist())
mdd = memoryview(ba).cast("d")
mdd[0] = 1.5
print("d write", ba, mdd[0])
print("bytes()", bytes(memoryview(b"abcdefgh").cast("I")), bytes(memoryview(b"abcdefgh")[::3]))
print("bytearray()", bytearray(memoryview(b"abcdefgh")[::3]))
print("int()", int(memoryview(b"12")), str(memoryview(b"caf\xc3\xa9"), "utf-8"))
print("startswith", b"abc".startswith(memoryview(b"ab")))

# ----- the type -----
print("repr", addr(repr(memoryview(b"a"))))
print("type", type(memoryview(b"")).__name__, memoryview.__module__, memoryview.__qualname__)
print("doc", memoryview.__doc__)
print("dir", dir(memoryview))
print("dir instance", dir(memoryview(b"")) == dir(memoryview))
t("no __bytes__", lambda: memoryview(b"12").__bytes__)
t("no __dict__", lambda: memoryview(b"ab").__dict__)
t("getattr missing", lambda: memoryview(b"ab").foo)


def setfoo():
    memoryview(b"ab").foo = 1


t("setattr missing", setfoo)


def subclass():
    class M(memoryview):
        pass


t("subclass", subclass)
t("descriptor", lambda: memoryview.cast(b"ab", "B"))
t("tolist arg", lambda: memoryview.tolist(m, 1))
t("tobytes args", lambda: m.tobytes("C", 1))
t("release arg", lambda: m.release(1))
t("toreadonly arg", lambda: m.toreadonly(1))
import pickle
t("pickle", lambda: pickle.dumps(memoryview(b"ab")))
t("reduce", lambda: memoryview(b"ab").__reduce__())
