"""Implementation of JSONDecoder
"""
import _json

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the following additional properties:

    msg: The unformatted error message
    doc: The JSON document being parsed
    pos: The start index of doc where parsing failed
    lineno: The line corresponding to pos
    colno: The column corresponding to pos

    """
    # Note that this exception is used from _json
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


def scanstring(s, end, strict=True):
    """Scan the string s for a JSON string. End is the index of the
    character in s after the quote that started the JSON string."""
    return _json.scanstring(s, end, JSONDecodeError, strict)


class JSONDecoder(object):
    """Simple JSON <https://json.org> decoder"""

    def __init__(self, *, object_hook=None, parse_float=None,
            parse_int=None, parse_constant=None, strict=True,
            object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or {
            '-Infinity': NegInf, 'Infinity': PosInf, 'NaN': NaN}.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self._hooks = (
            object_hook,
            object_pairs_hook,
            None if parse_float in (None, float) else parse_float,
            None if parse_int in (None, int) else parse_int,
            parse_constant,
        )

    def _decode(self, s, idx, whole):
        if type(self).raw_decode is not JSONDecoder.raw_decode and whole:
            pass
        oh, oph, pf, pi, pc = self._hooks
        if self.object_hook is not oh or self.object_pairs_hook is not oph:
            oh, oph = self.object_hook, self.object_pairs_hook
        return _json.decode(s, idx, JSONDecodeError, oh, oph, pf, pi, pc,
                            self.strict, whole)

    def decode(self, s, _w=None):
        """Return the Python representation of ``s`` (a ``str`` instance
        containing a JSON document).
        """
        if type(self).raw_decode is not JSONDecoder.raw_decode:
            ws = ' \t\n\r'
            idx = 0
            while idx < len(s) and s[idx] in ws:
                idx += 1
            obj, end = self.raw_decode(s, idx)
            while end < len(s) and s[end] in ws:
                end += 1
            if end != len(s):
                raise JSONDecodeError("Extra data", s, end)
            return obj
        return self._decode(s, 0, True)[0]

    def raw_decode(self, s, idx=0):
        """Decode a JSON document from ``s`` (a ``str`` beginning with
        a JSON document) and return a 2-tuple of the Python
        representation and the index in ``s`` where the document ended.
        """
        return self._decode(s, idx, False)
