"""Implementation of JSONEncoder
"""
import _json

encode_basestring_ascii = _json.encode_basestring_ascii
encode_basestring = _json.encode_basestring
py_encode_basestring_ascii = encode_basestring_ascii
py_encode_basestring = encode_basestring

INFINITY = float('inf')


class JSONEncoder(object):
    """Extensible JSON <https://json.org> encoder for Python data structures."""
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
            check_circular=True, allow_nan=True, sort_keys=False,
            indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Implement this method in a subclass such that it returns
        a serializable object for ``o``, or calls the base implementation
        (to raise a ``TypeError``)."""
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """Return a JSON string representation of a Python data structure."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            else:
                return encode_basestring(o)
        # (Through iterencode, as CPython: a subclass's iterencode is used,
        # and a traceback from `default` shows the same frames.)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        """Encode the given object and yield each string representation as
        available."""
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        if _one_shot:
            return [_json.encode(o, indent, self.item_separator, self.key_separator,
                                 self.sort_keys, self.skipkeys, self.ensure_ascii,
                                 self.allow_nan, self.check_circular, self.default)]
        return self._iterencode(o, indent)

    def _iterencode(self, o, indent):
        # (The whole text as one chunk; CPython's pure-Python encoder
        # yields it in pieces.)
        yield _json.encode(o, indent, self.item_separator, self.key_separator,
                           self.sort_keys, self.skipkeys, self.ensure_ascii,
                           self.allow_nan, self.check_circular, self.default)
