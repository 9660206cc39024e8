# marshal: the values it handles round-trip (shared and self-containing
# containers too), files, CPython's own bytes for values written the same
# way, and the errors.
import io
import marshal

values = [None, True, False, 0, 1, -1, 2**31 - 1, 2**31, -2**31, -2**31 - 1, 2**62,
          2**64, -2**100, 3.5, -0.0, float('inf'), 1e-300, 2j, complex(1.5, -2),
          '', 'abc', 'é€😀', 'x' * 300, b'', b'\x00\xff', bytearray(b'ab'),
          (), (1, 'a'), tuple(range(300)), [], [1, [2, [3]]], {}, {'a': 1, 2: [3]},
          set(), {1, 2, 3}, frozenset({'x'}), Ellipsis, StopIteration,
          {'nested': ({1: (2, 3)}, [frozenset()])}]
for v in values:
    w = marshal.loads(marshal.dumps(v))
    print(type(w).__name__, w == v or (v != v), repr(w)[:60])

# Bytes CPython wrote (with its reference flags) read back.
for h in ['e905000000', 'ec03000000000000000004', 'e7000000000000f43f', 'da026869',
          'f502000000c3bc', 'a902e901000000e902000000', 'db02000000e9010000007201000000',
          '5b02000000db01000000e9010000007200000000']:
    v = marshal.loads(bytes.fromhex(h))
    print(h, repr(v), isinstance(v, list) and len(v) == 2 and v[0] is v[1])

shared = [1, 2]
pair = [shared, shared]
got = marshal.loads(marshal.dumps(pair))
print(got, got[0] is got[1])
loop = []
loop.append(loop)
back = marshal.loads(marshal.dumps(loop))
print(back[0] is back)

f = io.BytesIO()
marshal.dump({'k': [1, 2]}, f)
marshal.dump('second', f)
f.seek(0)
print(marshal.load(f), marshal.load(f))
try:
    marshal.load(f)
except EOFError as e:
    print('EOFError:', e)

for bad in [object(), [1, object()], len, type]:
    try:
        marshal.dumps(bad)
    except ValueError as e:
        print('ValueError:', e)


class MyInt(int):
    pass


for bad in [MyInt(3)]:
    try:
        marshal.dumps(bad)
    except ValueError as e:
        print('ValueError:', e)
for data in [b'', b'i\x01', b'\x99', b'(\x01\x00\x00\x00']:
    try:
        marshal.loads(data)
    except (EOFError, ValueError) as e:
        print(type(e).__name__, e)
try:
    marshal.loads('text')
except TypeError as e:
    print('TypeError:', e)
print(marshal.version)
