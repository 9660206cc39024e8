"""CSV parsing and writing.

This module provides classes that assist in the reading and writing
of Comma Separated Value (CSV) files, and implements the interface
described by PEP 305.  Although many CSV files are simple to parse,
the format is not formally defined by a stable specification and
is subtle enough that parsing lines of a CSV file with something
like line.split(",") is bound to fail.  The module supports three
basic APIs: reading, writing, and registration of dialects.
"""

# (Spry) Written for Spry after the behaviour of CPython 3.11's C module
# `_csv`: the same dialect checks and messages, the reader's state machine
# (states and transitions as in `parse_process_char`) and the writer's
# quoting rules (`join_append_data`), so files are read and written
# exactly as CPython does. `csv` is CPython's own module on top of it.

__version__ = "1.0"

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)


class Error(Exception):
    pass


Error.__module__ = "_csv"

_dialects = {}
_field_limit = [128 * 1024]

_NAMES = ("delimiter", "doublequote", "escapechar", "lineterminator", "quotechar", "quoting",
          "skipinitialspace", "strict")


def _char(name, src, default):
    if src is _UNSET:
        return default
    if not isinstance(src, str):
        raise TypeError('"%s" must be string, not %s' % (name, type(src).__name__))
    if len(src) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return src


def _char_or_none(name, src, default):
    if src is _UNSET:
        return default
    if src is None:
        return None
    if not isinstance(src, str):
        raise TypeError('"%s" must be string or None, not %s' % (name, type(src).__name__))
    if len(src) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return src


_UNSET = object()


class Dialect:
    """CSV dialect

The Dialect type records CSV parsing and generation options.
"""

    __slots__ = ("_delimiter", "_doublequote", "_escapechar", "_lineterminator", "_quotechar",
                 "_quoting", "_skipinitialspace", "_strict")

    def __new__(cls, dialect=None, **kwargs):
        for k in kwargs:
            if k not in _NAMES:
                raise TypeError("'%s' is an invalid keyword argument for this function" % k)
        if dialect is not None:
            if isinstance(dialect, str):
                dialect = get_dialect(dialect)
            # An existing dialect of this exact type, unchanged: itself.
            if type(dialect) is Dialect and cls is Dialect and not any(v is not None for v in kwargs.values()):
                return dialect
        values = {}
        for name in _NAMES:
            v = kwargs.get(name, _UNSET)
            if v is _UNSET and dialect is not None:
                v = getattr(dialect, name, _UNSET)
            values[name] = v
        self = object.__new__(cls)
        self._delimiter = _char("delimiter", values["delimiter"], ",")
        dq = values["doublequote"]
        self._doublequote = True if dq is _UNSET else bool(dq)
        self._escapechar = _char_or_none("escapechar", values["escapechar"], None)
        lt = values["lineterminator"]
        if lt is _UNSET:
            lt = "\r\n"
        elif lt is not None and not isinstance(lt, str):
            raise TypeError('"lineterminator" must be a string')
        self._lineterminator = lt
        quotechar = values["quotechar"]
        self._quotechar = _char_or_none("quotechar", quotechar, '"')
        q = values["quoting"]
        if q is _UNSET:
            q = QUOTE_MINIMAL
        elif not isinstance(q, int):
            raise TypeError('"quoting" must be an integer')
        if quotechar is None and values["quoting"] is _UNSET:
            q = QUOTE_NONE
        if q not in (QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE):
            raise TypeError('bad "quoting" value')
        self._quoting = int(q)
        s = values["skipinitialspace"]
        self._skipinitialspace = False if s is _UNSET else bool(s)
        s = values["strict"]
        self._strict = False if s is _UNSET else bool(s)
        if self._quoting != QUOTE_NONE and self._quotechar is None:
            raise TypeError("quotechar must be set if quoting enabled")
        if self._lineterminator is None:
            raise TypeError("lineterminator must be set")
        return self

    delimiter = property(lambda self: self._delimiter)
    doublequote = property(lambda self: self._doublequote)
    escapechar = property(lambda self: self._escapechar)
    lineterminator = property(lambda self: self._lineterminator)
    quotechar = property(lambda self: self._quotechar)
    quoting = property(lambda self: self._quoting)
    skipinitialspace = property(lambda self: self._skipinitialspace)
    strict = property(lambda self: self._strict)

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle '_csv.Dialect' instances")


Dialect.__module__ = "_csv"


def _dialect_from(dialect, kwargs):
    return Dialect(dialect, **kwargs)


# Reader states (`parse_process_char`).
(START_RECORD, START_FIELD, ESCAPED_CHAR, IN_FIELD, IN_QUOTED_FIELD, ESCAPE_IN_QUOTED_FIELD,
 QUOTE_IN_QUOTED_FIELD, EAT_CRNL, AFTER_ESCAPED_CRNL) = range(9)

# The end of a line, passed after its last character.
_EOL = None


class Reader:
    """CSV reader

Reader objects are responsible for reading and parsing tabular data
in CSV format.
"""

    def __init__(self, iterable, dialect, kwargs):
        self._input = iter(iterable)
        self.dialect = _dialect_from(dialect, kwargs)
        self.line_num = 0
        self._state = START_RECORD

    def __iter__(self):
        return self

    def __next__(self):
        fields = []
        field = []
        numeric = False
        state = START_RECORD
        d = self.dialect
        delimiter, quotechar, escapechar = d._delimiter, d._quotechar, d._escapechar
        quoting, doublequote, strict = d._quoting, d._doublequote, d._strict
        skipspace = d._skipinitialspace
        if quoting == QUOTE_NONE:
            quotechar = _UNSET
        limit = _field_limit[0]

        def add(c):
            # parse_add_char: the field size limit.
            if len(field) >= limit:
                raise Error("field larger than field limit (%d)" % limit)
            field.append(c)

        def save():
            nonlocal numeric
            s = "".join(field)
            field.clear()
            if numeric:
                numeric = False
                fields.append(float(s))
            else:
                fields.append(s)

        while True:
            try:
                line = next(self._input)
            except StopIteration:
                if field or state == IN_QUOTED_FIELD:
                    if strict:
                        raise Error("unexpected end of data")
                    save()
                    return fields
                raise
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %s "
                            "(the file should be opened in text mode)" % type(line).__name__)
            self.line_num += 1
            for c in (*line, _EOL):
                if state == START_RECORD:
                    if c is _EOL:
                        continue
                    if c == "\n" or c == "\r":
                        state = EAT_CRNL
                        continue
                    state = START_FIELD
                if state == START_FIELD:
                    if c == "\n" or c == "\r" or c is _EOL:
                        save()
                        state = START_RECORD if c is _EOL else EAT_CRNL
                    elif c == quotechar:
                        state = IN_QUOTED_FIELD
                    elif c == escapechar:
                        state = ESCAPED_CHAR
                    elif c == " " and skipspace:
                        pass
                    elif c == delimiter:
                        save()
                    else:
                        if quoting == QUOTE_NONNUMERIC:
                            numeric = True
                        add(c)
                        state = IN_FIELD
                    continue
                if state == ESCAPED_CHAR:
                    if c == "\n" or c == "\r":
                        add(c)
                        state = AFTER_ESCAPED_CRNL
                        continue
                    if c is _EOL:
                        c = "\n"
                    add(c)
                    state = IN_FIELD
                    continue
                if state == AFTER_ESCAPED_CRNL:
                    if c is _EOL:
                        continue
                    state = IN_FIELD
                if state == IN_FIELD:
                    if c == "\n" or c == "\r" or c is _EOL:
                        save()
                        state = START_RECORD if c is _EOL else EAT_CRNL
                    elif c == escapechar:
                        state = ESCAPED_CHAR
                    elif c == delimiter:
                        save()
                        state = START_FIELD
                    else:
                        add(c)
                    continue
                if state == IN_QUOTED_FIELD:
                    if c is _EOL:
                        pass
                    elif c == escapechar:
                        state = ESCAPE_IN_QUOTED_FIELD
                    elif c == quotechar:
                        state = QUOTE_IN_QUOTED_FIELD if doublequote else IN_FIELD
                    else:
                        add(c)
                    continue
                if state == ESCAPE_IN_QUOTED_FIELD:
                    if c is _EOL:
                        c = "\n"
                    add(c)
                    state = IN_QUOTED_FIELD
                    continue
                if state == QUOTE_IN_QUOTED_FIELD:
                    if c == quotechar:
                        add(c)
                        state = IN_QUOTED_FIELD
                    elif c == delimiter:
                        save()
                        state = START_FIELD
                    elif c == "\n" or c == "\r" or c is _EOL:
                        save()
                        state = START_RECORD if c is _EOL else EAT_CRNL
                    elif not strict:
                        add(c)
                        state = IN_FIELD
                    else:
                        raise Error("'%s' expected after '%s'" % (delimiter, d._quotechar))
                    continue
                if state == EAT_CRNL:
                    if c == "\n" or c == "\r":
                        pass
                    elif c is _EOL:
                        state = START_RECORD
                    else:
                        raise Error("new-line character seen in unquoted field - "
                                    "do you need to open the file in universal-newline mode?")
            if state == START_RECORD:
                return fields


Reader.__name__ = Reader.__qualname__ = "reader"
Reader.__module__ = "_csv"


def _is_number(x):
    # PyNumber_Check: __index__, __int__ or __float__, or a complex.
    t = type(x)
    return isinstance(x, complex) or hasattr(t, "__index__") or hasattr(t, "__int__") or hasattr(t, "__float__")


class Writer:
    """CSV writer

Writer objects are responsible for generating tabular data
in CSV format from sequence input.
"""

    def __init__(self, fileobj, dialect, kwargs):
        try:
            self._write = fileobj.write
        except AttributeError:
            raise TypeError('argument 1 must have a "write" method') from None
        self.dialect = _dialect_from(dialect, kwargs)

    def _field(self, s, quoted, first):
        d = self.dialect
        delimiter, escapechar, quotechar = d._delimiter, d._escapechar, d._quotechar
        lineterminator, quoting = d._lineterminator, d._quoting
        out = []
        for c in s:
            if c == delimiter or c == escapechar or c == quotechar or c in lineterminator:
                want_escape = False
                if quoting == QUOTE_NONE:
                    want_escape = True
                else:
                    if c == quotechar:
                        if d._doublequote:
                            out.append(quotechar)
                        else:
                            want_escape = True
                    elif c == escapechar:
                        want_escape = True
                    if not want_escape:
                        quoted = True
                if want_escape:
                    if escapechar is None:
                        raise Error("need to escape, but no escapechar set")
                    out.append(escapechar)
            out.append(c)
        text = "".join(out)
        if quoted:
            text = quotechar + text + quotechar
        return text if first else delimiter + text

    def writerow(self, row):
        """writerow(iterable)

Construct and write a CSV record from an iterable of fields.  Non-string
elements will be converted to string."""
        try:
            it = iter(row)
        except TypeError:
            raise Error("iterable expected, not %s" % type(row).__name__) from None
        d = self.dialect
        parts = []
        for field in it:
            if d._quoting == QUOTE_NONNUMERIC:
                quoted = not _is_number(field)
            else:
                quoted = d._quoting == QUOTE_ALL
            if field is None:
                s = ""
            elif isinstance(field, str):
                s = field
            else:
                s = str(field)
            parts.append(self._field(s, quoted, not parts))
        if len(parts) == 1 and parts[0] == "":
            if d._quoting == QUOTE_NONE:
                raise Error("single empty field record must be quoted")
            parts[0] = d._quotechar * 2
        return self._write("".join(parts) + d._lineterminator)

    def writerows(self, rows):
        """writerows(iterable of iterables)

Construct and write a series of iterables to a csv file.  Non-string
elements will be converted to string."""
        for row in rows:
            self.writerow(row)


Writer.__name__ = Writer.__qualname__ = "writer"
Writer.__module__ = "_csv"


def reader(*args, **kwargs):
    """    csv_reader = reader(iterable [, dialect='excel']
                        [optional keyword args])
    for row in csv_reader:
        process(row)

The "iterable" argument can be any object that returns a line
of input for each iteration, such as a file object or a list.  The
optional "dialect" parameter is discussed below.  The function
also accepts optional keyword arguments which override settings
provided by the dialect.

The returned object is an iterator.  Each iteration returns a row
of the CSV file (which can span multiple input lines).
"""
    if not args:
        raise TypeError(" expected at least 1 argument, got 0")
    if len(args) > 2:
        raise TypeError(" expected at most 2 arguments, got %d" % len(args))
    dialect = args[1] if len(args) > 1 else kwargs.pop("dialect", None)
    return Reader(args[0], dialect, kwargs)


def writer(*args, **kwargs):
    """    csv_writer = csv.writer(fileobj [, dialect='excel']
                            [optional keyword args])
    for row in sequence:
        csv_writer.writerow(row)

    [or]

    csv_writer = csv.writer(fileobj [, dialect='excel']
                            [optional keyword args])
    csv_writer.writerows(rows)

The "fileobj" argument can be any object that supports the file API.
"""
    if not args:
        raise TypeError(" expected at least 1 argument, got 0")
    if len(args) > 2:
        raise TypeError(" expected at most 2 arguments, got %d" % len(args))
    dialect = args[1] if len(args) > 1 else kwargs.pop("dialect", None)
    return Writer(args[0], dialect, kwargs)


def register_dialect(name, dialect=None, **fmtparams):
    """Create a mapping from a string name to a dialect class.
    dialect = csv.register_dialect(name[, dialect[, **fmtparams]])"""
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    _dialects[name] = Dialect(dialect, **fmtparams)


def unregister_dialect(name):
    """Delete the name/dialect mapping associated with a string name.
    csv.unregister_dialect(name)"""
    try:
        del _dialects[name]
    except (KeyError, TypeError):
        raise Error("unknown dialect") from None


def get_dialect(name):
    """Return the dialect instance associated with name.
    dialect = csv.get_dialect(name)"""
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error("unknown dialect") from None


def list_dialects():
    """Return a list of all know dialect names.
    names = csv.list_dialects()"""
    return list(_dialects)


def field_size_limit(*args, **kwargs):
    """Sets an upper limit on parsed fields.
    csv.field_size_limit([limit])

Returns old limit. If limit is not given, no new limit is set and
the old limit is returned"""
    if kwargs:
        raise TypeError("field_size_limit() takes no keyword arguments")
    if len(args) > 1:
        raise TypeError("field_size_limit expected at most 1 argument, got %d" % len(args))
    old = _field_limit[0]
    if args:
        if not isinstance(args[0], int):
            raise TypeError("limit must be an integer")
        _field_limit[0] = args[0]
    return old
