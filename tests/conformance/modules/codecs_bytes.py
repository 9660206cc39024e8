# codecs.encode/decode/lookup with the bytes-to-bytes codecs (hex, base64,
# zlib), rot13, and the text codecs utf-7, punycode, idna and the escape
# codecs; str.encode refusing non-text codecs; CPython's wrapped errors.
import codecs


def show(f):
    try:
        r = f()
    except Exception as e:
        c = e.__cause__
        print(type(e).__name__, e, '| cause:', type(c).__name__ if c is not None else None)
    else:
        print(repr(r))


show(lambda: codecs.encode(b'hi', 'base64'))
show(lambda: codecs.encode(b'a' * 60, 'base64'))
show(lambda: codecs.decode(b'aGk=\n', 'base64'))
show(lambda: codecs.decode(b'aGk', 'base64'))
show(lambda: codecs.decode('YWI=', 'base64'))
show(lambda: codecs.encode(b'\x00\xffab', 'hex'))
show(lambda: codecs.encode(bytearray(b'ab'), 'hex_codec'))
show(lambda: codecs.decode(b'6162', 'hex'))
show(lambda: codecs.decode('6162', 'hex'))
show(lambda: codecs.decode(b'616', 'hex'))
show(lambda: codecs.decode(b'zz', 'hex'))
show(lambda: codecs.encode('abc', 'hex'))
show(lambda: codecs.encode(1, 'hex'))
z = codecs.encode(b'abc' * 10, 'zlib')
show(lambda: (z[:2], len(z)))
show(lambda: codecs.decode(z, 'zlib'))
show(lambda: codecs.decode(z, 'zip'))
show(lambda: codecs.decode(b'xx', 'zlib'))
show(lambda: codecs.encode('Hello, World!', 'rot13'))
show(lambda: codecs.decode('Uryyb', 'rot_13'))
show(lambda: codecs.encode(b'abc', 'rot13'))
show(lambda: codecs.encode(b'ab', 'hex', 'ignore'))

# lookup
for name in ['hex', 'HEX', 'hex_codec', 'Base_64', 'base64', 'zip', 'zlib', 'ROT-13', 'rot13', 'utf7', 'UTF-7',
             'punycode', 'idna', 'unicode_escape', 'raw-unicode-escape', 'utf-8']:
    ci = codecs.lookup(name)
    print(name, ci.name, ci._is_text_encoding)
show(lambda: codecs.lookup('hex').encode(b'ab'))
show(lambda: codecs.getencoder('rot13')('ab'))
show(lambda: codecs.getdecoder('base64')(b'YQ=='))
show(lambda: codecs.lookup('nope'))

# str.encode / bytes.decode refuse the non-text codecs
for name in ['hex', 'HEX', 'Hex-Codec', 'base64', 'zlib', 'zip', 'rot13', 'rot_13', 'uu', 'quopri', 'bz2']:
    show(lambda: 'abc'.encode(name))
    show(lambda: b'abc'.decode(name))
show(lambda: 'abc'.encode('nope'))
show(lambda: b'abc'.decode('nope'))

# text codecs through codecs.encode/decode
show(lambda: codecs.encode('x', 'utf-8', 'strict'))
show(lambda: codecs.encode(b'x', 'utf-8'))
show(lambda: codecs.encode(b'x', 'ascii'))
show(lambda: codecs.encode(b'x', 'latin-1'))
show(lambda: codecs.decode('abc', 'ascii'))
show(lambda: codecs.decode(bytearray(b'x'), 'latin-1'))
show(lambda: codecs.decode(b'\xff', 'utf-8'))
show(lambda: codecs.decode(b'a\\x41\\u20ac', 'unicode_escape'))
show(lambda: codecs.encode('\xe9\u20ac', 'unicode_escape'))
show(lambda: codecs.encode('\xe9\u20ac', 'raw_unicode_escape'))

# utf-7
for s in ['a\u20ac+b', '+~\\', '\U0001F600 a', 'hello', 'a-b+c', '\u20ac-', '\u20aca', '\x00\x80\uffff', 'Hi Mom -\u263a-!']:
    b = s.encode('utf-7')
    print(repr(s), b, b.decode('utf-7') == s, codecs.encode(s, 'utf7') == b)
for b in [b'a+ZZ', b'a+-b', b'+ZZ-x', b'+AAA-', b'\x80', b'+!', b'+2D3e-', b'+2D3eAA', b'+2D3eAAA-', b'+2D0-a']:
    for err in ['strict', 'replace', 'ignore']:
        show(lambda: b.decode('utf-7', err))

# punycode and idna
show(lambda: 'b\xfccher'.encode('punycode'))
show(lambda: b'bcher-kva'.decode('punycode'))
show(lambda: 'x'.encode('punycode'))
show(lambda: '\u4f8b\u3048'.encode('punycode'))
show(lambda: 'm\xfcnchen.de'.encode('idna'))
show(lambda: 'B\xfccher.DE'.encode('idna'))
show(lambda: 'example.com.'.encode('idna'))
show(lambda: b'xn--bcher-kva.de'.decode('idna'))
show(lambda: b'www.python.org'.decode('idna'))
show(lambda: codecs.encode('m\xfcnchen', 'idna'))
show(lambda: ('a' * 64 + '.com').encode('idna'))
show(lambda: 'a..b'.encode('idna'))
