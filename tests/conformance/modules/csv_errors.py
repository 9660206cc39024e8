import csv, io
cases = [dict(delimiter=""), dict(delimiter="ab"), dict(delimiter=None), dict(delimiter=1),
         dict(quotechar=""), dict(quotechar="ab"), dict(quotechar=None), dict(quotechar=None, quoting=csv.QUOTE_NONE),
         dict(escapechar="ab"), dict(escapechar=1), dict(lineterminator=None), dict(lineterminator=1),
         dict(quoting=9), dict(quoting="x"), dict(delimiter="\n"), dict(doublequote=0), dict(strict=1), dict(skipinitialspace=[]),
         dict(delimiter=" ", skipinitialspace=True), dict(nosuch=1), dict(delimiter='"')]
for c in cases:
    try:
        d = csv.reader(io.StringIO("a,b\n"), **c)
        print("ok", c, d.dialect.delimiter, repr(d.dialect.quotechar), d.dialect.quoting)
    except Exception as e:
        print(type(e).__name__, c, e)
try:
    csv.get_dialect("nope")
except Exception as e: print(type(e).__name__, e)
try:
    list(csv.reader(io.StringIO('a,"b\n')  , strict=True))
except Exception as e: print(type(e).__name__, e)
print(list(csv.reader(io.StringIO('a,"b\n'))))
try:
    list(csv.reader(io.StringIO('a,"b"c\n'), strict=True))
except Exception as e: print(type(e).__name__, e)
try:
    list(csv.reader(["a\0b"]))
except Exception as e: print(type(e).__name__, e)
try:
    list(csv.reader([1]))
except Exception as e: print(type(e).__name__, e)
w = csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE)
try:
    w.writerow(['a,b'])
except Exception as e: print(type(e).__name__, e)
try:
    w.writerow(1)
except Exception as e: print(type(e).__name__, e)
try:
    csv.field_size_limit(5); list(csv.reader(["abcdefgh"]))
except Exception as e: print(type(e).__name__, e)
csv.field_size_limit(131072)
try: csv.writer(io.StringIO()).writerows([1])
except Exception as e: print(type(e).__name__, e)
try: csv.writer(io.StringIO(), escapechar=None, quoting=csv.QUOTE_NONE).writerow(['a"b'])
except Exception as e: print(type(e).__name__, e)
try: csv.reader()
except Exception as e: print(type(e).__name__, e)
try: csv.writer(1)
except Exception as e: print(type(e).__name__, e)
print(csv.list_dialects(), csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE, csv.__version__)
print(type(csv.reader([])).__name__, type(csv.writer(io.StringIO())).__name__, csv.Error.__module__, repr(csv.excel().delimiter))
