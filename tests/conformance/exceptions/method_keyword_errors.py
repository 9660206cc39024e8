# CPython's messages for keyword and count errors of builtin methods (qualified type.method names).
from collections import deque
cases = ["'a'.startswith('a', x=1)", "'a'.endswith('a', x=1)", "'a'.replace('a','b', x=1)", "'a'.find('a', x=1)",
 "'a'.count('a', x=1)", "'a'.index('a', x=1)", "'a'.rfind('a', x=1)", "'a'.rindex('a', x=1)",
 "[].index(1, x=1)", "[].insert(0, 1, x=1)", "[].pop(x=1)", "{}.get(1, x=1)", "{}.pop(1, x=1)",
 "{}.setdefault(1, x=1)", "dict.fromkeys([], x=1)", "deque().rotate(x=1)", "deque([1]).index(1, x=1)",
 "deque().insert(0, 1, x=1)", "b'a'.startswith(b'a', x=1)", "b'a'.find(b'a', x=1)", "[].append(1, x=1)",
 "[].count(1, x=1)", "[].remove(1, x=1)", "'a'.join([], x=1)", "'a'.strip(x=1)", "(1,).index(1, x=1)", "(1,).count(1, x=1)",
 "'a'.startswith()", "[].index()", "{}.get()", "'a'.find()"]
for c in cases:
    try:
        eval(c); print(c, "ok")
    except TypeError as e:
        print(c, "->", e)
more = ["bytearray(b'a').find(b'a', x=1)", "bytearray(b'a').count(b'a', x=1)", "bytearray(b'a').endswith(b'a', x=1)",
        "b'a'.count()", "b'a'.find(1, 2, 3, 4)", "[].append()", "[].append(1, 2)", "[].pop(1, 2)", "{}.get()", "[].insert(1)",
        "(1,).index()", "[].index()"]
for c in more:
    try:
        eval(c); print(c, "ok")
    except TypeError as e:
        print(c, "->", e)
cases2 = ["'a'.startswith('a', x=1)", "'a'.endswith('a', x=1)", "'a'.replace('a','b', x=1)", "'a'.find('a', x=1)",
 "'a'.count('a', x=1)", "'a'.index('a', x=1)", "'a'.rfind('a', x=1)", "'a'.rindex('a', x=1)", "'a'.strip(x=1)",
 "'a'.lstrip(x=1)", "'a'.rstrip(x=1)", "'a'.center(3, x=1)", "'a'.ljust(3, x=1)", "'a'.rjust(3, x=1)",
 "str.maketrans(x=1)", "'a'.partition(x=1)", "'a'.rpartition(x=1)", "'a'.zfill(x=1)", "'a'.upper(x=1)",
 "'a'.count()", "'a'.find()", "'a'.startswith()", "'a'.strip(1, 2)", "'a'.center()", "'a'.replace('a')",
 "'a'.splitlines(x=1)", "'a'.encode(x=1)", "'a'.format_map(x=1)", "'a'.join(x=1)", "'a'.removeprefix(x=1)"]
for c in cases2:
    try:
        eval(c); print(c, "ok")
    except TypeError as e:
        print(c, "->", e)
