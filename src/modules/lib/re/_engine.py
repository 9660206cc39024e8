"""Pattern and Match objects of Spry's re, on the `_spry_re` engine (the
fancy-regex crate). The parse tree from re._parser is translated into the
engine's syntax with Python's semantics spelled out (`$`, `\\Z`, `.`,
`\\s`, `\\w`, ASCII and bytes patterns)."""

import _spry_re
from ._constants import *
from . import _parser

_WORD = r'\p{L}\p{N}_'
_SPACE = r'\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000'
_ASCII_WORD = r'a-zA-Z0-9_'
_ASCII_BOUNDARY = (r'(?:(?<=[a-zA-Z0-9_])(?![a-zA-Z0-9_])'
                   r'|(?<![a-zA-Z0-9_])(?=[a-zA-Z0-9_]))')
_ASCII_NON_BOUNDARY = (r'(?:(?<=[a-zA-Z0-9_])(?=[a-zA-Z0-9_])'
                       r'|(?<![a-zA-Z0-9_])(?![a-zA-Z0-9_]))')
_NONEMPTY = r'(?:(?<=[\s\S])|(?=[\s\S]))'
_ASCII_SPACE = r'\t-\r '


def _lit(c):
    ch = chr(c)
    if ch.isalnum() and c < 128:
        return ch
    return '\\x{%x}' % c


def _category_in_class(cat, ascii):
    # (text inside [...], negated?)
    if cat == CATEGORY_DIGIT:
        return ('0-9' if ascii else r'\p{Nd}'), False
    if cat == CATEGORY_NOT_DIGIT:
        return ('0-9' if ascii else r'\p{Nd}'), True
    if cat == CATEGORY_SPACE:
        return (_ASCII_SPACE if ascii else _SPACE), False
    if cat == CATEGORY_NOT_SPACE:
        return (_ASCII_SPACE if ascii else _SPACE), True
    if cat == CATEGORY_WORD:
        return (_ASCII_WORD if ascii else _WORD), False
    if cat == CATEGORY_NOT_WORD:
        return (_ASCII_WORD if ascii else _WORD), True
    if cat == CATEGORY_LINEBREAK:
        return r'\n', False
    if cat == CATEGORY_NOT_LINEBREAK:
        return r'\n', True
    raise error("unsupported category %r" % (cat,))


class _Translator:
    def __init__(self, is_bytes):
        self.is_bytes = is_bytes

    def run(self, p, flags):
        return ''.join(self.seq(p, flags))

    def seq(self, p, flags):
        out = []
        for op, av in p:
            out.append(self.node(op, av, flags))
        return out

    def ascii(self, flags):
        return self.is_bytes or bool(flags & SRE_FLAG_ASCII) or bool(flags & SRE_FLAG_LOCALE)

    def wrap_i(self, text, flags):
        return text

    def node(self, op, av, flags):
        ascii = self.ascii(flags)
        icase = flags & SRE_FLAG_IGNORECASE
        pre = '(?i:' if icase else ''
        post = ')' if icase else ''
        if op is LITERAL:
            return pre + _lit(av) + post
        if op is NOT_LITERAL:
            return pre + '[^' + _lit(av) + ']' + post
        if op is ANY:
            return '(?s:.)' if flags & SRE_FLAG_DOTALL else '[^\\n]'
        if op is IN:
            return pre + self.charset(av, ascii) + post
        if op is CATEGORY:
            text, neg = _category_in_class(av, ascii)
            return ('[^%s]' if neg else '[%s]') % text
        if op is AT:
            return self.at(av, flags, ascii)
        if op is BRANCH:
            _, items = av
            return '(?:' + '|'.join(''.join(self.seq(i, flags)) for i in items) + ')'
        if op is SUBPATTERN:
            group, add, dele, sub = av
            f = (flags | add) & ~dele
            inner = ''.join(self.seq(sub, f))
            if group is None:
                return '(?:' + inner + ')'
            return '(' + inner + ')'
        if op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
            lo, hi, item = av
            inner = ''.join(self.seq(item, flags))
            if hi is MAXREPEAT or hi == MAXREPEAT:
                q = '*' if lo == 0 else '+' if lo == 1 else '{%d,}' % lo
            elif lo == 0 and hi == 1:
                q = '?'
            elif lo == hi:
                q = '{%d}' % lo
            else:
                q = '{%d,%d}' % (lo, hi)
            text = '(?:' + inner + ')' + q
            if op is MIN_REPEAT:
                text += '?'
            elif op is POSSESSIVE_REPEAT:
                text = '(?>' + text + ')'
            return text
        if op is GROUPREF:
            return '(?:\\%d)' % av if av < 10 else '\\k<%d>' % av
        if op is GROUPREF_EXISTS:
            group, yes, no = av
            t = '(?(%d)' % group + ''.join(self.seq(yes, flags))
            if no is not None:
                t += '|' + ''.join(self.seq(no, flags))
            return t + ')'
        if op in (ASSERT, ASSERT_NOT) and av[0] == -1:
            lo, hi = av[1].getwidth()
            if lo != hi:
                raise error("look-behind requires fixed-width pattern")
        if op is ASSERT:
            direction, sub = av
            inner = ''.join(self.seq(sub, flags))
            return ('(?=' if direction == 1 else '(?<=') + inner + ')'
        if op is ASSERT_NOT:
            direction, sub = av
            inner = ''.join(self.seq(sub, flags))
            return ('(?!' if direction == 1 else '(?<!') + inner + ')'
        if op is ATOMIC_GROUP:
            return '(?>' + ''.join(self.seq(av, flags)) + ')'
        if op is FAILURE:
            return '(?!)'
        raise error("unsupported regular expression construct %s" % (op,))

    def at(self, code, flags, ascii):
        multiline = flags & SRE_FLAG_MULTILINE
        if code is AT_BEGINNING:
            return '(?m:^)' if multiline else '\\A'
        if code is AT_BEGINNING_STRING:
            return '\\A'
        if code is AT_END:
            return '(?m:$)' if multiline else '(?=\\n?\\z)'
        if code is AT_END_STRING:
            return '\\z'
        # ASCII word boundaries by lookarounds (the engine cannot leave
        # Unicode mode inside a pattern); \\B never matches in an empty
        # string (sre's AT_NON_BOUNDARY).
        if code is AT_BOUNDARY:
            if ascii:
                return _ASCII_BOUNDARY
            return '\\b'
        if code is AT_NON_BOUNDARY:
            if ascii:
                return _NONEMPTY + _ASCII_NON_BOUNDARY
            return _NONEMPTY + '\\B'
        raise error("unsupported position %s" % (code,))

    def charset(self, items, ascii):
        neg = False
        parts = []
        for op, av in items:
            if op is NEGATE:
                neg = True
            elif op is LITERAL:
                parts.append(_lit(av))
            elif op is RANGE:
                parts.append(_lit(av[0]) + '-' + _lit(av[1]))
            elif op is CATEGORY:
                text, cneg = _category_in_class(av, ascii)
                parts.append(('[^%s]' if cneg else '[%s]') % text)
            elif op is RANGE_UNI_IGNORE:
                parts.append(_lit(av[0]) + '-' + _lit(av[1]))
            else:
                raise error("unsupported set member %s" % (op,))
        if not parts:
            return '(?!)' if not neg else '(?s:.)'
        return '[' + ('^' if neg else '') + ''.join(parts) + ']'


def compile(p, flags=0):
    if isinstance(p, (str, bytes)):
        pattern = p
        tree = _parser.parse(p, flags)
    else:
        pattern = None
        tree = p
    state = tree.state
    is_bytes = isinstance(pattern, bytes)
    src = _Translator(is_bytes).run(tree, state.flags)
    handle = _spry_re.compile(src)
    return Pattern(pattern, state.flags, handle, state.groups - 1, dict(state.groupdict), is_bytes)


def _text(string):
    if isinstance(string, str):
        return string
    if isinstance(string, (bytes, bytearray, memoryview)):
        return bytes(string).decode('latin-1')
    raise TypeError("expected string or bytes-like object, got %r" % type(string).__name__)


class Pattern:
    """Compiled regular expression object."""

    def __init__(self, pattern, flags, handle, groups, groupindex, is_bytes):
        self.pattern = pattern
        self.flags = flags
        self._handle = handle
        self.groups = groups
        self._groupindex = groupindex
        self._bytes = is_bytes

    @property
    def groupindex(self):
        import types
        return types.MappingProxyType(self._groupindex)

    def _check(self, string):
        if self._bytes:
            if isinstance(string, str):
                raise TypeError("cannot use a bytes pattern on a string-like object")
        elif not isinstance(string, str):
            if isinstance(string, (bytes, bytearray, memoryview)):
                raise TypeError("cannot use a string pattern on a bytes-like object")
            raise TypeError("expected string or bytes-like object, got %r" % type(string).__name__)
        return _text(string)

    def _run(self, mode, string, pos, endpos):
        # (A str searched from its start to its end: no checks to make.)
        if type(string) is str and not self._bytes and pos == 0 and endpos is None:
            spans = _spry_re.search(self._handle, mode, string, 0, len(string))
            if spans is None:
                return None
            return Match(self, string, string, spans, 0, len(string))
        text = self._check(string)
        if endpos is None:
            endpos = len(text)
        spans = _spry_re.search(self._handle, mode, text, pos, endpos)
        if spans is None:
            return None
        n = len(text)
        pos = min(max(pos, 0), n)
        endpos = min(max(endpos, 0), n)
        return Match(self, string, text, spans, pos, endpos)

    def match(self, string, pos=0, endpos=None):
        """Matches zero or more characters at the beginning of the string."""
        return self._run(1, string, pos, endpos)

    def fullmatch(self, string, pos=0, endpos=None):
        """Matches against all of the string."""
        return self._run(2, string, pos, endpos)

    def search(self, string, pos=0, endpos=None):
        """Scan through string looking for a match, and return a corresponding match object instance."""
        return self._run(0, string, pos, endpos)

    def _scan(self, string, pos=0, endpos=None, maxcount=0):
        text = self._check(string)
        if endpos is None:
            endpos = len(text)
        return text, _spry_re.scan(self._handle, text, pos, endpos, maxcount)

    def finditer(self, string, pos=0, endpos=None):
        """Return an iterator over all non-overlapping matches for the RE pattern in string."""
        text, all_spans = self._scan(string, pos, endpos)
        n = len(text)
        p = min(max(pos, 0), n)
        e = n if endpos is None else min(max(endpos, 0), n)
        return iter([Match(self, string, text, s, p, e) for s in all_spans])

    def findall(self, string, pos=0, endpos=None):
        """Return a list of all non-overlapping matches of pattern in string."""
        if not self._bytes and isinstance(string, str):
            return _spry_re.findall(self._handle, string, pos, len(string) if endpos is None else endpos)
        text, all_spans = self._scan(string, pos, endpos)
        conv = self._out
        result = []
        g = self.groups
        for s in all_spans:
            if g == 0:
                result.append(conv(text[s[0]:s[1]]))
            elif g == 1:
                result.append(conv(text[s[2]:s[3]]) if s[2] >= 0 else conv(''))
            else:
                result.append(tuple(conv(text[s[2 * i]:s[2 * i + 1]]) if s[2 * i] >= 0 else conv('')
                                    for i in range(1, g + 1)))
        return result

    def _out(self, s):
        if self._bytes:
            return s.encode('latin-1')
        return s

    def _subx(self, repl, string, count, name):
        text = self._check(string)
        bad = None  # a replacement of the wrong type: CPython fails when joining
        if callable(repl):
            filt = repl
            literal = None
        else:
            if isinstance(repl, str) if not self._bytes else isinstance(repl, (bytes, bytearray, memoryview)):
                template = _parser.parse_template(repl, self)
            elif isinstance(repl, (str, bytes, bytearray, memoryview)):
                template = None
                bad = repl
            else:
                raise TypeError("decoding to str: need a bytes-like object, %s found" % type(repl).__name__)
            if template is None:
                literal = None
                filt = None
            elif not template[0] and len(template[1]) == 1:
                literal = _text(template[1][0])
                filt = None
            elif not template[0] and not template[1]:
                literal = ''
                filt = None
            else:
                literal = None

                def filt(m, template=template):
                    return _parser.expand_template(template, m)
        if count < 0:
            return (string, 0)
        if literal is not None and not self._bytes:
            return _spry_re.sub_literal(self._handle, literal, text, count)
        _, all_spans = self._scan(string, 0, None, count)
        pieces = []
        last = 0
        n = 0
        bad_at = -1
        for s in all_spans:
            if last < s[0]:
                pieces.append(text[last:s[0]])
            if literal is not None:
                pieces.append(literal)
            else:
                r = filt(Match(self, string, text, s, 0, len(text))) if bad is None else bad
                if r is not None:
                    if self._bytes:
                        if isinstance(r, (bytes, bytearray, memoryview)):
                            r = bytes(r).decode('latin-1')
                        elif bad_at < 0:
                            bad_at = len(pieces)
                            bad = r
                    elif not isinstance(r, str) and bad_at < 0:
                        bad_at = len(pieces)
                        bad = r
                    pieces.append(r)
            last = s[1]
            n += 1
        if bad_at >= 0:
            if self._bytes:
                raise TypeError("sequence item %d: expected a bytes-like object, %s found" % (bad_at, type(bad).__name__))
            raise TypeError("sequence item %d: expected str instance, %s found" % (bad_at, type(bad).__name__))
        pieces.append(text[last:])
        return self._out(''.join(pieces)), n

    def sub(self, repl, string, count=0):
        """Return the string obtained by replacing the leftmost non-overlapping occurrences of pattern in string by the replacement repl."""
        return self._subx(repl, string, count, 'sub')[0]

    def subn(self, repl, string, count=0):
        """Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost non-overlapping occurrences of pattern with the replacement repl."""
        return self._subx(repl, string, count, 'subn')

    def split(self, string, maxsplit=0):
        """Split string by the occurrences of pattern."""
        text = self._check(string)
        if maxsplit < 0:
            return [string]
        if not self._bytes:
            return _spry_re.split(self._handle, text, maxsplit)
        _, all_spans = self._scan(string, 0, None, maxsplit)
        conv = self._out
        out = []
        last = 0
        for s in all_spans:
            out.append(conv(text[last:s[0]]))
            for i in range(1, self.groups + 1):
                a, b = s[2 * i], s[2 * i + 1]
                out.append(conv(text[a:b]) if a >= 0 else None)
            last = s[1]
        out.append(conv(text[last:]))
        return out

    def scanner(self, string, pos=0, endpos=None):
        return _Scanner(self, string, pos, endpos)

    def __repr__(self):
        flags = self.flags
        names = []
        if not self._bytes:
            flags &= ~SRE_FLAG_UNICODE
        for name, value in (("re.TEMPLATE", SRE_FLAG_TEMPLATE), ("re.IGNORECASE", SRE_FLAG_IGNORECASE),
                            ("re.LOCALE", SRE_FLAG_LOCALE), ("re.MULTILINE", SRE_FLAG_MULTILINE),
                            ("re.DOTALL", SRE_FLAG_DOTALL), ("re.UNICODE", SRE_FLAG_UNICODE),
                            ("re.VERBOSE", SRE_FLAG_VERBOSE), ("re.DEBUG", SRE_FLAG_DEBUG),
                            ("re.ASCII", SRE_FLAG_ASCII)):
            if flags & value:
                names.append(name)
                flags &= ~value
        if flags:
            names.append(hex(flags))
        p = repr(self.pattern)
        if len(p) > 200:
            p = p[:200]
        if names:
            return "re.compile(%s, %s)" % (p, '|'.join(names))
        return "re.compile(%s)" % p

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return cls


Pattern.__module__ = 're'


class _Scanner:
    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._string = string
        self._pos = pos
        self._endpos = endpos

    def match(self):
        m = self.pattern.match(self._string, self._pos, self._endpos)
        if m is not None:
            self._pos = m.end() if m.end() > m.start() else m.end() + 1
        return m

    def search(self):
        m = self.pattern.search(self._string, self._pos, self._endpos)
        if m is not None:
            self._pos = m.end() if m.end() > m.start() else m.end() + 1
        return m


class Match:
    """The result of re.match() and re.search()."""

    def __init__(self, pattern, string, text, spans, pos, endpos):
        self.re = pattern
        self.string = string
        self._text = text
        self._spans = spans
        self.pos = pos
        self.endpos = endpos

    def _index(self, group):
        if type(group) is int and 0 <= group <= self.re.groups:
            return group
        if isinstance(group, int) or hasattr(type(group), '__index__') and not isinstance(group, str):
            try:
                i = group.__index__()
            except Exception:
                raise IndexError("no such group") from None
            if 0 <= i <= self.re.groups:
                return i
            raise IndexError("no such group")
        i = self.re._groupindex.get(group)
        if i is None:
            raise IndexError("no such group")
        return i

    def _get(self, i, default=None):
        a = self._spans[2 * i]
        if a < 0:
            return default
        if self.re._bytes:
            return self._text[a:self._spans[2 * i + 1]].encode('latin-1')
        return self._text[a:self._spans[2 * i + 1]]

    def group(self, *args):
        """Return one or more subgroups of the match."""
        if len(args) == 1:
            return self._get(self._index(args[0]))
        if not args:
            return self._get(0)
        return tuple(self._get(self._index(a)) for a in args)

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        """Return a tuple containing all the subgroups of the match, from 1."""
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        """Return a dictionary containing all the named subgroups of the match, keyed by the subgroup name."""
        return {name: self._get(i, default) for name, i in self.re._groupindex.items()}

    def start(self, group=0):
        """Return index of the start of the substring matched by group."""
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        """Return index of the end of the substring matched by group."""
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        """For match object m, return the 2-tuple (m.start(group), m.end(group))."""
        i = self._index(group)
        return (self._spans[2 * i], self._spans[2 * i + 1])

    @property
    def regs(self):
        return tuple((self._spans[2 * i], self._spans[2 * i + 1]) for i in range(self.re.groups + 1))

    @property
    def lastindex(self):
        best = None
        best_end = -1
        for i in range(1, self.re.groups + 1):
            a, b = self._spans[2 * i], self._spans[2 * i + 1]
            if a >= 0 and b >= best_end:
                # The group that closed last: the outermost of those ending last.
                if best is None or b > best_end or True:
                    if b > best_end:
                        best, best_end = i, b
        return best

    @property
    def lastgroup(self):
        i = self.lastindex
        if i is None:
            return None
        for name, j in self.re._groupindex.items():
            if j == i:
                return name
        return None

    def expand(self, template):
        """Return the string obtained by doing backslash substitution on the string template, as done by the sub() method."""
        t = _parser.parse_template(template, self.re)
        return _parser.expand_template(t, self)

    def __bool__(self):
        return True

    def __repr__(self):
        # (CPython's `%.50R`: the repr cut at 50 characters.)
        return "<re.Match object; span=%r, match=%s>" % (self.span(), repr(self.group())[:50])

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return cls


Match.__module__ = 're'
