"""Spry: the codecs CPython writes in Python or C that Spry's Rust codec
table lacks, for codecs.encode/decode, codecs.lookup, and (the text
ones) str.encode/bytes.decode: hex, base64, zlib, rot13 (bytes-to-bytes
and str-to-str), utf-7 (a port of CPython's C codec, whose exact choices
of what to shift programs can see), punycode (CPython's encodings/punycode.py)
and idna (CPython's encodings/idna.py with a simplified nameprep)."""

import re
import unicodedata


# ---------------------------------------------------------------- punycode
# From CPython 3.11's Lib/encodings/punycode.py.


##################### Encoding #####################################

def segregate(str):
    """3.1 Basic code point segregation"""
    base = bytearray()
    extended = set()
    for c in str:
        if ord(c) < 128:
            base.append(ord(c))
        else:
            extended.add(c)
    extended = sorted(extended)
    return bytes(base), extended

def selective_len(str, max):
    """Return the length of str, considering only characters below max."""
    res = 0
    for c in str:
        if ord(c) < max:
            res += 1
    return res

def selective_find(str, char, index, pos):
    """Return a pair (index, pos), indicating the next occurrence of
    char in str. index is the position of the character considering
    only ordinals up to and including char, and pos is the position in
    the full string. index/pos is the starting position in the full
    string."""

    l = len(str)
    while 1:
        pos += 1
        if pos == l:
            return (-1, -1)
        c = str[pos]
        if c == char:
            return index+1, pos
        elif c < char:
            index += 1

def insertion_unsort(str, extended):
    """3.2 Insertion unsort coding"""
    oldchar = 0x80
    result = []
    oldindex = -1
    for c in extended:
        index = pos = -1
        char = ord(c)
        curlen = selective_len(str, char)
        delta = (curlen+1) * (char - oldchar)
        while 1:
            index,pos = selective_find(str,c,index,pos)
            if index == -1:
                break
            delta += index - oldindex
            result.append(delta-1)
            oldindex = index
            delta = 0
        oldchar = char

    return result

def T(j, bias):
    # Punycode parameters: tmin = 1, tmax = 26, base = 36
    res = 36 * (j + 1) - bias
    if res < 1: return 1
    if res > 26: return 26
    return res

digits = b"abcdefghijklmnopqrstuvwxyz0123456789"
def generate_generalized_integer(N, bias):
    """3.3 Generalized variable-length integers"""
    result = bytearray()
    j = 0
    while 1:
        t = T(j, bias)
        if N < t:
            result.append(digits[N])
            return bytes(result)
        result.append(digits[t + ((N - t) % (36 - t))])
        N = (N - t) // (36 - t)
        j += 1

def adapt(delta, first, numchars):
    if first:
        delta //= 700
    else:
        delta //= 2
    delta += delta // numchars
    # ((base - tmin) * tmax) // 2 == 455
    divisions = 0
    while delta > 455:
        delta = delta // 35 # base - tmin
        divisions += 36
    bias = divisions + (36 * delta // (delta + 38))
    return bias


def generate_integers(baselen, deltas):
    """3.4 Bias adaptation"""
    # Punycode parameters: initial bias = 72, damp = 700, skew = 38
    result = bytearray()
    bias = 72
    for points, delta in enumerate(deltas):
        s = generate_generalized_integer(delta, bias)
        result.extend(s)
        bias = adapt(delta, points==0, baselen+points+1)
    return bytes(result)

def punycode_encode(text):
    base, extended = segregate(text)
    deltas = insertion_unsort(text, extended)
    extended = generate_integers(len(base), deltas)
    if base:
        return base + b"-" + extended
    return extended

##################### Decoding #####################################

def decode_generalized_number(extended, extpos, bias, errors):
    """3.3 Generalized variable-length integers"""
    result = 0
    w = 1
    j = 0
    while 1:
        try:
            char = ord(extended[extpos])
        except IndexError:
            if errors == "strict":
                raise UnicodeError("incomplete punicode string")
            return extpos + 1, None
        extpos += 1
        if 0x41 <= char <= 0x5A: # A-Z
            digit = char - 0x41
        elif 0x30 <= char <= 0x39:
            digit = char - 22 # 0x30-26
        elif errors == "strict":
            raise UnicodeError("Invalid extended code point '%s'"
                               % extended[extpos-1])
        else:
            return extpos, None
        t = T(j, bias)
        result += digit * w
        if digit < t:
            return extpos, result
        w = w * (36 - t)
        j += 1


def insertion_sort(base, extended, errors):
    """3.2 Insertion unsort coding"""
    char = 0x80
    pos = -1
    bias = 72
    extpos = 0
    while extpos < len(extended):
        newpos, delta = decode_generalized_number(extended, extpos,
                                                  bias, errors)
        if delta is None:
            # There was an error in decoding. We can't continue because
            # synchronization is lost.
            return base
        pos += delta+1
        char += pos // (len(base) + 1)
        if char > 0x10FFFF:
            if errors == "strict":
                raise UnicodeError("Invalid character U+%x" % char)
            char = ord('?')
        pos = pos % (len(base) + 1)
        base = base[:pos] + chr(char) + base[pos:]
        bias = adapt(delta, (extpos == 0), len(base))
        extpos = newpos
    return base

def punycode_decode(text, errors):
    if isinstance(text, str):
        text = text.encode("ascii")
    if isinstance(text, memoryview):
        text = bytes(text)
    pos = text.rfind(b"-")
    if pos == -1:
        base = ""
        extended = str(text, "ascii").upper()
    else:
        base = str(text[:pos], "ascii", errors)
        extended = str(text[pos+1:], "ascii").upper()
    return insertion_sort(base, extended, errors)

### Codec APIs


def punycode_encode_codec(input, errors='strict'):
    return punycode_encode(input), len(input)


def punycode_decode_codec(input, errors='strict'):
    if errors not in ('strict', 'replace', 'ignore'):
        raise UnicodeError("Unsupported error handling " + errors)
    return punycode_decode(input, errors), len(input)


# ---------------------------------------------------------------- idna
# From CPython 3.11's Lib/encodings/idna.py; nameprep is simplified: it
# maps out the RFC 3454 B.1 characters, lower-cases (for B.2) and applies
# NFKC, without the Unicode 3.2 tables and the prohibition and bidi checks.

_B1 = set('\u00ad\u034f\u1806\u180b\u180c\u180d\u200b\u200c\u200d\u2060\ufe00\ufe01\ufe02\ufe03'
          '\ufe04\ufe05\ufe06\ufe07\ufe08\ufe09\ufe0a\ufe0b\ufe0c\ufe0d\ufe0e\ufe0f\ufeff')


def nameprep(label):
    label = ''.join(c for c in label if c not in _B1).lower()
    return unicodedata.normalize("NFKC", label)

# IDNA section 3.1
dots = re.compile("[\u002E\u3002\uFF0E\uFF61]")

# IDNA section 5
ace_prefix = b"xn--"
sace_prefix = "xn--"
def ToASCII(label):
    try:
        # Step 1: try ASCII
        label = label.encode("ascii")
    except UnicodeError:
        pass
    else:
        # Skip to step 3: UseSTD3ASCIIRules is false, so
        # Skip to step 8.
        if 0 < len(label) < 64:
            return label
        raise UnicodeError("label empty or too long")

    # Step 2: nameprep
    label = nameprep(label)

    # Step 3: UseSTD3ASCIIRules is false
    # Step 4: try ASCII
    try:
        label = label.encode("ascii")
    except UnicodeError:
        pass
    else:
        # Skip to step 8.
        if 0 < len(label) < 64:
            return label
        raise UnicodeError("label empty or too long")

    # Step 5: Check ACE prefix
    if label.startswith(sace_prefix):
        raise UnicodeError("Label starts with ACE prefix")

    # Step 6: Encode with PUNYCODE
    label = punycode_encode(label)

    # Step 7: Prepend ACE prefix
    label = ace_prefix + label

    # Step 8: Check size
    if 0 < len(label) < 64:
        return label
    raise UnicodeError("label empty or too long")

def ToUnicode(label):
    # Step 1: Check for ASCII
    if isinstance(label, bytes):
        pure_ascii = True
    else:
        try:
            label = label.encode("ascii")
            pure_ascii = True
        except UnicodeError:
            pure_ascii = False
    if not pure_ascii:
        # Step 2: Perform nameprep
        label = nameprep(label)
        # It doesn't say this, but apparently, it should be ASCII now
        try:
            label = label.encode("ascii")
        except UnicodeError:
            raise UnicodeError("Invalid character in IDN label")
    # Step 3: Check for ACE prefix
    if not label.startswith(ace_prefix):
        return str(label, "ascii")

    # Step 4: Remove ACE prefix
    label1 = label[len(ace_prefix):]

    # Step 5: Decode using PUNYCODE
    result = punycode_decode(label1, "strict")

    # Step 6: Apply ToASCII
    label2 = ToASCII(result)

    # Step 7: Compare the result of step 6 with the one of step 3
    # label2 will already be in lower case.
    if str(label, "ascii").lower() != str(label2, "ascii"):
        raise UnicodeError("IDNA does not round-trip", label, label2)

    # Step 8: return the result of step 5
    return result


def idna_encode(input, errors='strict'):

    if errors != 'strict':
        # IDNA is quite clear that implementations must be strict
        raise UnicodeError("unsupported error handling "+errors)

    if not input:
        return b'', 0

    try:
        result = input.encode('ascii')
    except UnicodeEncodeError:
        pass
    else:
        # ASCII name: fast path
        labels = result.split(b'.')
        for label in labels[:-1]:
            if not (0 < len(label) < 64):
                raise UnicodeError("label empty or too long")
        if len(labels[-1]) >= 64:
            raise UnicodeError("label too long")
        return result, len(input)

    result = bytearray()
    labels = dots.split(input)
    if labels and not labels[-1]:
        trailing_dot = b'.'
        del labels[-1]
    else:
        trailing_dot = b''
    for label in labels:
        if result:
            # Join with U+002E
            result.extend(b'.')
        result.extend(ToASCII(label))
    return bytes(result+trailing_dot), len(input)


def idna_decode(input, errors='strict'):

    if errors != 'strict':
        raise UnicodeError("Unsupported error handling "+errors)

    if not input:
        return "", 0

    # IDNA allows decoding to operate on Unicode strings, too.
    if not isinstance(input, bytes):
        # XXX obviously wrong, see #3232
        input = bytes(input)

    if ace_prefix not in input:
        # Fast path
        try:
            return input.decode('ascii'), len(input)
        except UnicodeDecodeError:
            pass

    labels = input.split(b".")

    if labels and len(labels[-1]) == 0:
        trailing_dot = '.'
        del labels[-1]
    else:
        trailing_dot = ''

    result = []
    for label in labels:
        result.append(ToUnicode(label))

    return ".".join(result)+trailing_dot, len(input)


# ---------------------------------------------------------------- utf-7
# A port of CPython's C codec (Objects/unicodeobject.c): which ASCII
# characters it writes as themselves (RFC 2152's direct and optional
# direct characters and whitespace; '+' is written '+-', and inside a
# shift sequence it is encoded), and its decoder's errors and positions.

_UTF7_DIRECT = frozenset(map(ord, '\t\n\r !"#$%&\'()*,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}'))
_B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_B64_VALUE = {ord(c): i for i, c in enumerate(_B64)}


def utf_7_encode(input, errors='strict'):
    if not isinstance(input, str):
        raise TypeError("utf_7_encode() argument 1 must be str, not %s" % type(input).__name__)
    out = []
    in_shift = False
    bits = 0
    buf = 0

    def put(unit):
        nonlocal bits, buf
        bits += 16
        buf = (buf << 16) | unit
        while bits >= 6:
            out.append(_B64[(buf >> (bits - 6)) & 0x3f])
            bits -= 6
        buf &= (1 << bits) - 1

    for c in input:
        ch = ord(c)
        if in_shift:
            if ch in _UTF7_DIRECT:
                if bits:
                    out.append(_B64[(buf << (6 - bits)) & 0x3f])
                    buf = bits = 0
                in_shift = False
                if ch in _B64_VALUE or c == '-':
                    out.append('-')
                out.append(c)
                continue
        elif c == '+':
            out.append('+-')
            continue
        elif ch in _UTF7_DIRECT:
            out.append(c)
            continue
        else:
            out.append('+')
            in_shift = True
        if ch >= 0x10000:
            put(0xd800 | ((ch - 0x10000) >> 10))
            ch = 0xdc00 | (ch & 0x3ff)
        put(ch)
    if bits:
        out.append(_B64[(buf << (6 - bits)) & 0x3f])
    if in_shift:
        out.append('-')
    return ''.join(out).encode('ascii'), len(input)


def _decode_error(errors, data, start, end, reason, out):
    """Applies a decode error handler; returns where decoding resumes."""
    if errors == 'strict':
        raise UnicodeDecodeError('utf7', bytes(data), start, end, reason)
    if errors == 'replace':
        out.append('\ufffd')
    elif errors == 'backslashreplace':
        out.append(''.join('\\x%02x' % b for b in data[start:end]))
    elif errors == 'surrogateescape':
        out.append(''.join(chr(0xdc00 + b) if b >= 128 else None for b in data[start:end]))
    elif errors != 'ignore':
        raise LookupError("unknown error handler name '%s'" % errors)
    return end


def utf_7_decode(input, errors='strict', final=False):
    data = bytes(input)
    e = len(data)
    out = []
    s = 0
    in_shift = False
    bits = buf = 0
    surrogate = 0
    startinpos = 0
    while s < e:
        ch = data[s]
        if in_shift:
            if ch in _B64_VALUE:
                buf = (buf << 6) | _B64_VALUE[ch]
                bits += 6
                s += 1
                if bits >= 16:
                    unit = buf >> (bits - 16)
                    bits -= 16
                    buf &= (1 << bits) - 1
                    if surrogate:
                        if 0xdc00 <= unit <= 0xdfff:
                            out.append(chr(0x10000 + ((surrogate - 0xd800) << 10) + (unit - 0xdc00)))
                            surrogate = 0
                            continue
                        out.append(chr(surrogate))
                        surrogate = 0
                    if 0xd800 <= unit <= 0xdbff:
                        surrogate = unit
                    else:
                        out.append(chr(unit))
                continue
            in_shift = False
            if bits > 0:
                if bits >= 6:
                    s += 1
                    s = _decode_error(errors, data, startinpos, s, "partial character in shift sequence", out)
                    continue
                if buf != 0:
                    s += 1
                    s = _decode_error(errors, data, startinpos, s, "non-zero padding bits in shift sequence", out)
                    continue
            if surrogate and ch <= 127 and ch != 0x2b:
                out.append(chr(surrogate))
            surrogate = 0
            if ch == 0x2d:
                s += 1
        elif ch == 0x2b:
            startinpos = s
            s += 1
            if s < e and data[s] == 0x2d:
                s += 1
                out.append('+')
            elif s < e and data[s] not in _B64_VALUE:
                s += 1
                s = _decode_error(errors, data, startinpos, s, "ill-formed sequence", out)
            else:
                in_shift = True
                surrogate = 0
                bits = buf = 0
        elif ch <= 127:
            s += 1
            out.append(chr(ch))
        else:
            startinpos = s
            s += 1
            s = _decode_error(errors, data, startinpos, s, "unexpected special character", out)
    if in_shift:
        if surrogate or bits >= 6 or (bits > 0 and buf != 0):
            _decode_error(errors, data, startinpos, e, "unterminated shift sequence", out)
    return ''.join(out), len(data)


# ---------------------------------------------------------------- bytes-to-bytes and rot13

def _strict(errors):
    assert errors == 'strict'


def _bytes_like(input):
    if not isinstance(input, (bytes, bytearray, memoryview)):
        raise TypeError("a bytes-like object is required, not '%s'" % type(input).__name__)


def hex_encode(input, errors='strict'):
    import binascii
    _strict(errors)
    _bytes_like(input)
    return binascii.b2a_hex(input), len(input)


def hex_decode(input, errors='strict'):
    import binascii
    _strict(errors)
    return binascii.a2b_hex(input), len(input)


def base64_encode(input, errors='strict'):
    import base64
    _strict(errors)
    return base64.encodebytes(input), len(input)


def base64_decode(input, errors='strict'):
    import base64
    _strict(errors)
    return base64.decodebytes(input), len(input)


def zlib_encode(input, errors='strict'):
    import zlib
    _strict(errors)
    return zlib.compress(input), len(input)


def zlib_decode(input, errors='strict'):
    import zlib
    _strict(errors)
    return zlib.decompress(input), len(input)


_ROT13 = str.maketrans('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
                       'NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm')


def rot13(input, errors='strict'):
    if not isinstance(input, str):
        raise TypeError("descriptor 'translate' for 'str' objects doesn't apply to a '%s' object"
                        % type(input).__name__)
    return str.translate(input, _ROT13), len(input)


# name (normalized as encodings.search_function does) ->
# (CodecInfo name, encode, decode, is a text encoding)
CODECS = {}
for _names, _entry in [
    (('hex', 'hex_codec'), ('hex', hex_encode, hex_decode, False)),
    (('base64', 'base_64', 'base64_codec'), ('base64', base64_encode, base64_decode, False)),
    (('zlib', 'zip', 'zlib_codec'), ('zlib', zlib_encode, zlib_decode, False)),
    (('rot13', 'rot_13'), ('rot-13', rot13, rot13, False)),
    (('utf_7', 'utf7', 'u7', 'unicode_1_1_utf_7'), ('utf-7', utf_7_encode, utf_7_decode, True)),
    (('punycode',), ('punycode', punycode_encode_codec, punycode_decode_codec, True)),
    (('idna',), ('idna', idna_encode, idna_decode, True)),
]:
    for _n in _names:
        CODECS[_n] = _entry


def normalize(encoding):
    """encodings.normalize_encoding, lower-cased, as the search function
    looks names up."""
    return re.sub(r'[^0-9a-z.]+', '_', encoding.lower()).strip('_')


def text_encode(encoding, s, errors):
    """str.encode for the text codecs here (called from Rust)."""
    try:
        return CODECS[normalize(encoding)][1](s, errors)[0]
    except Exception as e:
        import codecs
        w = codecs._wrap(e, 'encoding', encoding)
        if w is e:
            raise
        raise w from e


def text_decode(encoding, b, errors):
    """bytes.decode for the text codecs here (called from Rust)."""
    try:
        return CODECS[normalize(encoding)][2](b, errors)[0]
    except Exception as e:
        import codecs
        w = codecs._wrap(e, 'decoding', encoding)
        if w is e:
            raise
        raise w from e
