# zipfile (CPython's) over zlib and Spry's files (seekable), and the cp437
# codec its file names use.
import io, os, tempfile, zipfile
d = tempfile.mkdtemp()
p = os.path.join(d, "a.zip")
with zipfile.ZipFile(p, "w", compression=zipfile.ZIP_DEFLATED) as z:
    z.writestr("hello.txt", "hello world\n" * 100)
    z.writestr("dir/data.bin", bytes(range(256)))
    z.writestr(zipfile.ZipInfo("stored.txt", date_time=(2020, 1, 2, 3, 4, 6)), b"stored", compress_type=zipfile.ZIP_STORED)
with zipfile.ZipFile(p) as z:
    print(z.namelist())
    for info in z.infolist():
        print(info.filename, info.file_size, info.compress_type, info.CRC)
    print(z.read("hello.txt")[:24], len(z.read("dir/data.bin")))
    with z.open("hello.txt") as f:
        print(f.readline(), f.read(5))
    print(z.testzip())
    z.extractall(os.path.join(d, "out"))
print(sorted(os.listdir(os.path.join(d, "out"))), open(os.path.join(d, "out", "stored.txt")).read())
print(zipfile.is_zipfile(p), zipfile.is_zipfile(__file__))
b = io.BytesIO()
with zipfile.ZipFile(b, "a") as z:
    z.writestr("m.txt", "in memory")
with zipfile.ZipFile(io.BytesIO(b.getvalue())) as z:
    print(z.read("m.txt"), z.getinfo("m.txt").compress_type)
with zipfile.ZipFile(p, "a") as z:
    z.write(os.path.join(d, "out", "stored.txt"), arcname="again.txt")
with zipfile.ZipFile(p) as z:
    print(z.namelist())
try:
    zipfile.ZipFile(__file__)
except zipfile.BadZipFile as e:
    print("BadZipFile:", e)
import shutil; shutil.rmtree(d)
try:
    "\u20ac\u20acx".encode("cp437")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
print("é".encode("cp437"), b"\x82\x9b\xb0".decode("cp437"), "x\u20ac".encode("cp437", "replace"), "ab".encode("IBM437"))
print(bytes(range(256)).decode("cp437") == "".join(map(chr, range(128))) + bytes(range(128, 256)).decode("cp437"))
print(open(__file__, "rb").seekable(), io.BytesIO().seekable())
