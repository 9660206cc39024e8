import csv, io
import csv, io
data = 'name,age,city\r\nAlice,30,"New York, NY"\r\nBob,25,"He said ""hi"""\r\n"multi\nline",1,x\r\n,,\r\n'
rows = list(csv.reader(io.StringIO(data, newline="")))
print(rows)
r = csv.reader(io.StringIO(data, newline=""))
next(r); print(r.line_num, r.dialect.delimiter, r.dialect.lineterminator == "\r\n")
for q in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC):
    out = io.StringIO()
    w = csv.writer(out, quoting=q)
    w.writerow(["a", 1, 2.5, None, 'q"uote', "com,ma", "new\nline", ""])
    w.writerows([[1, 2], [3, 4]])
    w.writerow([""])
    print(repr(out.getvalue()))
out = io.StringIO()
w = csv.writer(out, quoting=csv.QUOTE_NONE, escapechar="\\")
print(w.writerow(["a,b", 'c"d', "e\\f"]))
print(repr(out.getvalue()))
print(list(csv.reader(io.StringIO(out.getvalue()), quoting=csv.QUOTE_NONE, escapechar="\\")))
out = io.StringIO()
csv.writer(out, delimiter="\t", lineterminator="\n").writerow(["x y", "t\tab"])
print(repr(out.getvalue()))
print(list(csv.reader(['1, 2, "3, 4"'], skipinitialspace=True)))
print(list(csv.reader(['1,2.5,"x"'], quoting=csv.QUOTE_NONNUMERIC)))
try:
    list(csv.reader(['1,abc'], quoting=csv.QUOTE_NONNUMERIC))
except ValueError as e:
    print("ValueError", e)
print(list(csv.reader(['a,"b"x,c'])))
print(list(csv.reader(['a;b;c'], delimiter=";")))
print(list(csv.reader(["a,b\r", "c,d\n"])))
try:
    list(csv.reader(["a,b\rc"]))
except csv.Error as e:
    print("Error", e)
csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_ALL)
out = io.StringIO()
csv.writer(out, "pipes").writerow([1, "two"])
print(repr(out.getvalue()), csv.list_dialects())
csv.unregister_dialect("pipes")
class MyD(csv.Dialect):
    delimiter = ":"
    quotechar = "'"
    doublequote = True
    skipinitialspace = False
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL
print(list(csv.reader(["a:'b:c'"], MyD)))
try:
    class Bad(csv.Dialect):
        delimiter = "::"
    Bad()
except csv.Error as e:
    print("Error", e)
# DictReader / DictWriter
f = io.StringIO("id,val\n1,a\n2,b,extra\n3\n")
dr = csv.DictReader(f)
for row in dr:
    print(row)
print(dr.fieldnames, dr.line_num)
out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=["id", "val"], restval="?", extrasaction="ignore")
dw.writeheader()
dw.writerow({"id": 1, "val": "x", "zzz": 0})
dw.writerows([{"id": 2}])
print(repr(out.getvalue()))
try:
    csv.DictWriter(io.StringIO(), ["a"]).writerow({"b": 1})
except ValueError as e:
    print("ValueError", e)
s = csv.Sniffer()
dia = s.sniff("a;b;c\n1;2;3\n4;5;6\n")
print(dia.delimiter, s.has_header("name,age\nbob,3\nal,4\n"))
r = csv.reader(["x"])
print(type(r).__name__, iter(r) is r)
d = csv.get_dialect("excel")
try:
    d.delimiter = ";"
except AttributeError as e:
    print("AttributeError")
big = io.StringIO()
w = csv.writer(big)
for i in range(2000):
    w.writerow([i, i * 1.5, "s%d" % i, 'q"%d' % i])
total = 0
for row in csv.reader(io.StringIO(big.getvalue())):
    total += int(row[0]) + len(row[3])
print(total)
out = io.StringIO()
w = csv.writer(out, lineterminator="\n")
w.writerow(["a\rb", "c\nd", "e"])
w = csv.writer(out, lineterminator="X")
w.writerow(["aXb", "c\nd", "e\r"])
print(repr(out.getvalue()))
class N:
    def __float__(self): return 1.0
    def __str__(self): return "N!"
out = io.StringIO()
csv.writer(out, quoting=csv.QUOTE_NONNUMERIC).writerow([N(), True, 3j, "s"])
print(repr(out.getvalue()))
