# bytes and str details: ASCII word boundaries in re (bytes and re.ASCII patterns),
# bytes.split's remainder with maxsplit, bytes %-formatting with a mapping, memoryview.hex
# separators, the namereplace error handler.
import re
cases = [
 r"re.findall(rb'\b\d+\b', b'12 34a 56')", r"re.findall(r'\b\w+\b', 'héllo wörld', re.A)", r"re.findall(r'(?a)\bx', 'x éx _x 1x')",
 r"re.findall(rb'\B.', b'ab cd')", r"re.findall(r'\B', '')", r"re.findall(rb'\B', b'')", r"re.findall(r'\b', '')", r"re.findall(r'\B', 'ab')",
 r"re.sub(r'(?a)\b', '|', 'ab cd')", r"re.split(rb'\b', b'a b')", r"re.findall(r'\bé', 'é aé')", r"re.findall(r'(?a)\bé', 'é aé')",
 r"b' a  b  c '.split(maxsplit=1)", r"b' a  b  c '.rsplit(maxsplit=1)", r"bytearray(b' a  b  c ').split(None, 1)", r"' a  b  c '.split(maxsplit=1)", r"' a  b  c '.rsplit(maxsplit=1)",
 r"b'a b'.split(maxsplit=0)", r"b'  a b  '.rsplit(maxsplit=0)", r"b'  a b  '.split(maxsplit=0)",
]
for c in cases:
    try:
        print(c, '->', repr(eval(c)))
    except Exception as e:
        print(c, '->', type(e).__name__, e)
cases = [r"b'%(k)s' % {b'k': b'v'}", r"b'%(k)s' % {'k': b'v'}", r"b'%(k)d-%(j)s' % {b'k': 5, b'j': b'x'}", r"'%(k)s' % {'k': 1}",
 r"memoryview(b'\x01\xab\x02').hex(':')", r"memoryview(b'\x01\xab\x02').hex(':', 2)", r"memoryview(b'\x01\xab\x02').hex(b'-', -2)", r"memoryview(b'').hex(':')",
 r"memoryview(b'ab').hex('::')", r"bytearray(b'\x01\x02').hex(' ')",
 r"'é☃😀'.encode('ascii', 'namereplace')", r"'a\x00\ud800b'.encode('ascii', 'namereplace')", r"'\U000e0001x'.encode('latin-1', 'namereplace')", r"'é'.encode('latin-1', 'namereplace')",
 r"'\u0378'.encode('ascii', 'namereplace')", r"'\u4e00\uac00'.encode('ascii', 'namereplace')"]
for c in cases:
    try:
        print(c, '->', repr(eval(c)))
    except Exception as e:
        print(c, '->', type(e).__name__, e)
import re
print(re.match('b*', 'b'*60))
print(re.match('.*', 'é'*60))
print(re.match(b'x*', b'x'*80))
print(re.match('a', 'a'))
