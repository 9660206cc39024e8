# tomllib: a realistic configuration, every value type, and errors.
import io
import os
import tempfile
import tomllib
from decimal import Decimal

DOC = '''
# Project configuration
title = "Spry \\u00e9 example"
version = 3
ratio = 0.75
big = 1_000_000
hex = 0xDEAD_beef
oct = 0o755
bin = 0b1101
neg = -17
exp = 6.626e-34
inf = inf
ninf = -inf
enabled = true
disabled = false
literal = 'C:\\Users\\no escapes'
multi = """
first line \\
  continued
second line"""
raw_multi = \'\'\'
raw \\n stays\'\'\'
dates = [1979-05-27T07:32:00Z, 1979-05-27T00:32:00.999999-07:00, 1979-05-27T07:32:00, 1979-05-27, 07:32:00]
nested = [[1, 2], ["a", "b"], [{ x = 1 }]]
"dotted.key" = "quoted"
site."google.com" = true
point = { x = 1, y = 2, label.text = "origin" }

[server]
host = "localhost"
ports = [ 8000, 8001,
          8002, ]  # trailing comma

[server.tls]
cert = "/etc/cert.pem"

[[products]]
name = "Hammer"
sku = 738594937

[[products]]

[[products]]
name = "Nail"
color = "gray"

[[products.variants]]
size = "small"
'''

data = tomllib.loads(DOC)


def show(obj, indent=0):
    pad = " " * indent
    if isinstance(obj, dict):
        for k, v in obj.items():
            if isinstance(v, (dict, list)) and v and not all(isinstance(i, (int, str)) for i in (v if isinstance(v, list) else [0])):
                print(f"{pad}{k!r}:")
                show(v, indent + 2)
            else:
                print(f"{pad}{k!r}: {v!r}")
    elif isinstance(obj, list):
        for item in obj:
            if isinstance(item, (dict, list)):
                print(f"{pad}-")
                show(item, indent + 2)
            else:
                print(f"{pad}- {item!r}")


show(data)
print(type(data["dates"][0]).__name__, data["dates"][0].tzinfo, data["dates"][1].utcoffset())
print(data["dates"][2].tzinfo, type(data["dates"][3]).__name__, type(data["dates"][4]).__name__)

print(tomllib.loads("x = 0.1\ny = 1e3", parse_float=Decimal))
orig = os.getcwd()
with tempfile.TemporaryDirectory() as tmp:
    os.chdir(tmp)
    try:
        with open("pyproject.toml", "wb") as f:
            f.write(b'[project]\nname = "demo"\ndependencies = ["a>=1", "b"]\n[tool.black]\nline-length = 88\n')
        with open("pyproject.toml", "rb") as f:
            print(tomllib.load(f))
        try:
            with open("pyproject.toml", "r") as f:
                tomllib.load(f)
        except TypeError as e:
            print("TypeError", e)
    finally:
        os.chdir(orig)
print(tomllib.load(io.BytesIO(b"a = 1")))

BAD = [
    "a = 1\na = 2",
    "a = ",
    "[t]\n[t]",
    "x = [1, 2",
    "x = 1979-13-01",
    "k = 'unterminated",
    "x = { a = 1, }",
    "= 1",
    "a.b = 1\na = 2",
    "s = \"bad \\q escape\"",
    "[[a]]\n[a]",
    "n = 01",
    "v = tru",
]
for text in BAD:
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        print("TOMLDecodeError:", e)
try:
    tomllib.loads("a = 1", parse_float=lambda s: {})
    tomllib.loads("a = 1.5", parse_float=lambda s: {})
except ValueError as e:
    print("ValueError:", e)
try:
    tomllib.loads(b"a = 1")
except TypeError as e:
    print("TypeError:", e)
print(issubclass(tomllib.TOMLDecodeError, ValueError))
