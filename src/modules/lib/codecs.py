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


def encode(obj, encoding='utf-8', errors='strict'):
    """Encodes obj using the codec registered for encoding."""
    return obj.encode(encoding, errors)


def decode(obj, encoding='utf-8', errors='strict'):
    """Decodes obj using the codec registered for encoding."""
    return bytes(obj).decode(encoding, errors)


class CodecInfo(tuple):
    """Codec details when looking up the codec registry"""

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
}


def lookup(encoding):
    """Looks up a codec tuple in the Python codec registry and returns
    a CodecInfo object."""
    name = _NAMES.get(encoding.lower().replace(' ', '-'))
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
