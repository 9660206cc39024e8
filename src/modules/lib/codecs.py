"""codecs -- Python Codec Registry, API and helpers (Spry: the parts that
work through str.encode and bytes.decode)."""

import sys

__all__ = ["encode", "decode", "BOM", "BOM_BE", "BOM_LE", "BOM32_BE",
           "BOM32_LE", "BOM64_BE", "BOM64_LE", "BOM_UTF8", "BOM_UTF16",
           "BOM_UTF16_LE", "BOM_UTF16_BE", "BOM_UTF32", "BOM_UTF32_LE",
           "BOM_UTF32_BE", "lookup", "CodecInfo"]

BOM_UTF8 = b'\xef\xbb\xbf'
BOM_LE = BOM_UTF16_LE = b'\xff\xfe'
BOM_BE = BOM_UTF16_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'
BOM = BOM_UTF16 = BOM_UTF16_LE
BOM_UTF32 = BOM_UTF32_LE
BOM32_LE = BOM_UTF16_LE
BOM32_BE = BOM_UTF16_BE
BOM64_LE = BOM_UTF32_LE
BOM64_BE = BOM_UTF32_BE


def _special(encoding):
    """The codec lib/_spry_codecs.py implements for `encoding`, if any:
    (CodecInfo name, encode, decode, is a text encoding)."""
    import _spry_codecs
    if not isinstance(encoding, str):
        return None
    return _spry_codecs.CODECS.get(_spry_codecs.normalize(encoding))


def _wrap(exc, what, encoding):
    """CPython's codec machinery re-raises an error of a simple exception
    type (one-argument, no attributes) as "encoding with 'hex' codec failed
    (Error: ...)", the original as its cause."""
    t = type(exc)
    if len(exc.args) > 1 or getattr(exc, '__dict__', None):
        return exc
    try:
        new = t("%s with '%s' codec failed (%s: %s)" % (what, encoding, t.__name__, exc))
    except Exception:
        return exc
    return new


def _text_function(encoding, what):
    """The name of the C function CPython's text codec runs."""
    name = lookup(encoding).name
    if name == 'iso8859-1':
        base = 'latin_1'
    elif name in ('ascii', 'unicode-escape', 'raw-unicode-escape') or name.startswith('utf'):
        base = name.replace('-', '_').replace('_sig', '')
    else:
        base = 'charmap'
    return '%s_%s' % (base, what)


def encode(obj, encoding='utf-8', errors='strict'):
    """Encodes obj using the codec registered for encoding."""
    entry = _special(encoding)
    if entry is not None:
        try:
            return entry[1](obj, errors)[0]
        except Exception as e:
            w = _wrap(e, 'encoding', encoding)
            if w is e:
                raise
            raise w from e
    if not isinstance(obj, str):
        fn = _text_function(encoding, 'encode')
        e = TypeError("%s() argument 1 must be str, not %s" % (fn, type(obj).__name__))
        raise _wrap(e, 'encoding', encoding) from e
    return obj.encode(encoding, errors)


def decode(obj, encoding='utf-8', errors='strict'):
    """Decodes obj using the codec registered for encoding."""
    entry = _special(encoding)
    if entry is not None:
        try:
            return entry[2](obj, errors)[0]
        except Exception as e:
            w = _wrap(e, 'decoding', encoding)
            if w is e:
                raise
            raise w from e
    if isinstance(obj, str):
        lookup(encoding)
        e = TypeError("a bytes-like object is required, not 'str'")
        raise _wrap(e, 'decoding', encoding) from e
    return bytes(obj).decode(encoding, errors)


class CodecInfo(tuple):
    """Codec details when looking up the codec registry"""

    _is_text_encoding = True

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None,
                *, _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        if _is_text_encoding is not None:
            self._is_text_encoding = _is_text_encoding
        return self

    def __repr__(self):
        return "<%s.%s object for encoding %s at %#x>" % \
                (self.__class__.__module__, self.__class__.__qualname__,
                 self.name, id(self))


_NAMES = {
    'utf8': 'utf-8', 'utf-8': 'utf-8', 'u8': 'utf-8', 'utf': 'utf-8',
    'utf_8': 'utf-8', 'utf-8-sig': 'utf-8-sig', 'utf_8_sig': 'utf-8-sig',
    'ascii': 'ascii', 'us-ascii': 'ascii', 'latin-1': 'iso8859-1',
    'latin1': 'iso8859-1', 'latin_1': 'iso8859-1', 'iso-8859-1': 'iso8859-1',
    'iso8859-1': 'iso8859-1', 'l1': 'iso8859-1', 'utf-16': 'utf-16',
    'utf16': 'utf-16', 'utf_16': 'utf-16', 'utf-16-le': 'utf-16-le',
    'utf-16le': 'utf-16-le', 'utf_16_le': 'utf-16-le', 'utf-16-be': 'utf-16-be',
    'utf-16be': 'utf-16-be', 'utf_16_be': 'utf-16-be', 'utf-32': 'utf-32',
    'utf32': 'utf-32', 'utf_32': 'utf-32', 'utf-32-le': 'utf-32-le',
    'utf-32le': 'utf-32-le', 'utf_32_le': 'utf-32-le', 'utf-32-be': 'utf-32-be',
    'utf-32be': 'utf-32-be', 'utf_32_be': 'utf-32-be',
    'unicode_escape': 'unicode-escape', 'unicode-escape': 'unicode-escape',
    'raw_unicode_escape': 'raw-unicode-escape', 'raw-unicode-escape': 'raw-unicode-escape',
}


# The single-byte code pages str.encode knows (src/builtins/charmaps.rs),
# by their CodecInfo names.
_CHARMAPS = (
    'cp1250', 'cp1251', 'cp1252', 'cp1253', 'cp1254', 'cp1255', 'cp1256',
    'cp1257', 'cp1258', 'iso8859-2', 'iso8859-3', 'iso8859-4', 'iso8859-5',
    'iso8859-6', 'iso8859-7', 'iso8859-8', 'iso8859-9', 'iso8859-10',
    'iso8859-11', 'iso8859-13', 'iso8859-14', 'iso8859-15', 'iso8859-16',
    'koi8-r', 'koi8-u', 'mac-roman', 'cp437', 'cp850', 'cp852', 'cp866',
)
_ALL_BYTES = bytes(range(256))
_charmap_names = {}


def _charmap_name(encoding):
    """The CodecInfo name of the single-byte codec (ASCII, Latin-1 or a
    code page) that `encoding` names, else None. Which kind it is shows in
    the error encoding a character none has raises; which code page, in
    what it decodes all 256 bytes to."""
    try:
        '\U0010ffff'.encode(encoding)
    except UnicodeEncodeError as e:
        kind = e.encoding
    except LookupError:
        return None
    else:
        return None
    if kind == 'ascii':
        return 'ascii'
    if kind == 'latin-1':
        return 'iso8859-1'
    if kind != 'charmap':
        return None
    if not _charmap_names:
        for n in _CHARMAPS:
            _charmap_names[_ALL_BYTES.decode(n, 'surrogateescape')] = n
    return _charmap_names.get(_ALL_BYTES.decode(encoding, 'surrogateescape'))


def lookup(encoding):
    """Looks up a codec tuple in the Python codec registry and returns
    a CodecInfo object."""
    entry = _special(encoding)
    if entry is not None:
        name, enc, dec, text = entry
        return CodecInfo(enc, dec, name=name, _is_text_encoding=text)
    name = _NAMES.get(encoding.lower().replace(' ', '-'))
    if name is None:
        name = _charmap_name(encoding)
    if name is None:
        raise LookupError("unknown encoding: %s" % encoding)

    def enc(input, errors='strict', _n=name):
        return input.encode(_n, errors), len(input)

    def dec(input, errors='strict', _n=name):
        return bytes(input).decode(_n, errors), len(input)

    return CodecInfo(enc, dec, name=name)


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode
