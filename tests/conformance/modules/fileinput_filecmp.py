# fileinput, filecmp and mimetypes over files in a temporary directory.
import filecmp
import fileinput
import mimetypes
import os
import tempfile

orig = os.getcwd()
with tempfile.TemporaryDirectory() as tmp:
    os.chdir(tmp)
    try:
        with open("a.txt", "w") as f:
            f.write("alpha\nbeta\n")
        with open("b.txt", "w") as f:
            f.write("gamma\ndelta\nepsilon")
        with open("empty.txt", "w") as f:
            pass

        print("fileinput.input")
        with fileinput.input(files=("a.txt", "empty.txt", "b.txt")) as fi:
            for line in fi:
                print(" ", fi.filename(), fi.lineno(), fi.filelineno(), fi.isfirstline(), repr(line))
        print("  nextfile")
        with fileinput.FileInput(["a.txt", "b.txt"]) as fi:
            for line in fi:
                if fi.filelineno() == 1:
                    print(" ", fi.filename(), line.rstrip())
                    fi.nextfile()
        print("  inplace")
        with fileinput.input("b.txt", inplace=True, backup=".bak") as fi:
            for line in fi:
                print(line.rstrip().upper())
        with open("b.txt") as f:
            print(" ", repr(f.read()))
        print("  backup", sorted(os.listdir(".")))
        print("  hook", list(fileinput.input("a.txt", openhook=fileinput.hook_encoded("utf-8"))))
        with fileinput.input("a.txt", mode="rb") as fi:
            print("  binary", list(fi))
        try:
            fileinput.input("a.txt", mode="w")
        except ValueError as e:
            print("  ValueError", e)
        print("  module functions")
        for line in fileinput.input(["a.txt"]):
            print(" ", fileinput.filename(), fileinput.lineno(), line.strip())
        fileinput.close()

        print("filecmp")
        with open("c.txt", "w") as f:
            f.write("alpha\nbeta\n")
        with open("d.txt", "w") as f:
            f.write("alpha\nBETA\n")
        print(" ", filecmp.cmp("a.txt", "c.txt"), filecmp.cmp("a.txt", "d.txt"),
              filecmp.cmp("a.txt", "c.txt", shallow=False), filecmp.cmp("a.txt", "d.txt", shallow=False))
        os.makedirs("left/sub")
        os.makedirs("right/sub")
        os.makedirs("left/only_dir")
        for side, files in [("left", {"same": "1", "diff": "left", "lonly": "x", "sub/s": "s"}),
                            ("right", {"same": "1", "diff": "right!", "ronly": "y", "sub/s": "tt"})]:
            for name, text in files.items():
                with open(os.path.join(side, name), "w") as f:
                    f.write(text)
        print(" ", filecmp.cmpfiles("left", "right", ["same", "diff", "missing"], shallow=False))
        dc = filecmp.dircmp("left", "right", ignore=["ronly"])
        print("  left_only", dc.left_only, "right_only", dc.right_only)
        print("  common", dc.common, dc.common_dirs, dc.common_files)
        print("  same", dc.same_files, "diff", dc.diff_files, "funny", dc.funny_files)
        print("  subdirs", {k: type(v).__name__ for k, v in dc.subdirs.items()})
        print("  sub diff", dc.subdirs["sub"].diff_files)
        dc.report()
        dc.report_full_closure()
        filecmp.clear_cache()
        print("  DEFAULT_IGNORES", filecmp.DEFAULT_IGNORES[:3])
    finally:
        os.chdir(orig)

print("mimetypes")
for name in ["index.html", "photo.JPG", "data.json", "archive.tar.gz", "script.py", "style.css",
             "image.png", "doc.pdf", "noext", "https://example.com/a/b.txt?q=1", "x.svg", "x.mp3",
             "a.csv", "data:text/plain,hello"]:
    print(" ", name, mimetypes.guess_type(name))
for t in ["text/html", "image/png", "application/json", "text/plain", "application/x-nothing"]:
    print(" ", t, mimetypes.guess_extension(t))
print(" ", mimetypes.guess_all_extensions("image/jpeg")[:1])
mimetypes.add_type("application/x-spry", ".spry")
print(" ", mimetypes.guess_type("file.spry"), mimetypes.guess_extension("application/x-spry"))
m = mimetypes.MimeTypes()
print(" ", m.guess_type("a.gif"), m.guess_type("a.gz"), mimetypes.guess_type("a.txt", strict=False))
