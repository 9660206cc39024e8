"""Extract, format and print information about Python stack traces
(Spry: the formatting of the interpreter's own exception printer)."""

import sys
import _spry_tb

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException',
           'walk_stack', 'walk_tb']

_sentinel = object()


def _value_of(exc, value):
    if value is _sentinel or value is None and isinstance(exc, BaseException):
        return exc if isinstance(exc, BaseException) else None
    return value


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """Format a stack trace and the exception information: a list of strings,
    each ending in a newline."""
    v = _value_of(exc, value)
    if v is None:
        return ['NoneType: None\n']
    text = _spry_tb.format_exception(v, chain)
    return text.splitlines(keepends=True)


def format_exception_only(exc, /, value=_sentinel):
    """Format the exception part of a traceback: a list with one string."""
    v = _value_of(exc, value)
    if v is None:
        return ['NoneType: None\n']
    name = type(v).__qualname__
    mod = type(v).__module__
    if mod not in ("__main__", "builtins"):
        name = mod + '.' + name
    s = str(v)
    return ['%s: %s\n' % (name, s) if s else '%s\n' % name]


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    """Print exception up to 'limit' stack trace entries from 'tb' to 'file'."""
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    """Like print_exc() but return a string."""
    return "".join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """Shorthand for 'print_exception(sys.exception(), limit, file, chain)'."""
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    """This is a shorthand for 'print_exception(sys.last_value, limit, file, chain)'."""
    if not hasattr(sys, "last_value"):
        raise ValueError("no last exception")
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)


# ----- stack entries (CPython's FrameSummary and StackSummary) -----

def _line_of(filename, lineno):
    import linecache
    return linecache.getline(filename, lineno).strip()


class FrameSummary:
    """Information about a single frame from a traceback: filename, lineno,
    name, line (the source, read lazily) and locals (None)."""

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                 'name', '_line', 'locals')

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None, end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        self._line = line
        if lookup_line:
            self.line
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def _original_line(self):
        self.line
        return self._line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = _line_of(self.filename, self.lineno)
        return self._line.strip()


class StackSummary(list):
    """A list of FrameSummary objects, ready for formatting."""

    @classmethod
    def from_list(klass, a_list):
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        row = ['  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name)]
        if frame_summary.line:
            row.append('    {}\n'.format(frame_summary.line.strip()))
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append('    {name} = {value}\n'.format(name=name, value=value))
        return ''.join(row)

    def format(self):
        result = []
        last_file = last_line = last_name = None
        count = 0
        for frame_summary in self:
            formatted = self.format_frame_summary(frame_summary)
            if formatted is None:
                continue
            if (last_file is None or last_file != frame_summary.filename or
                    last_line is None or last_line != frame_summary.lineno or
                    last_name is None or last_name != frame_summary.name):
                if count > 3:
                    count -= 3
                    result.append(
                        f'  [Previous line repeated {count} more '
                        f'time{"s" if count > 1 else ""}]\n'
                    )
                last_file = frame_summary.filename
                last_line = frame_summary.lineno
                last_name = frame_summary.name
                count = 0
            count += 1
            if count > 3:
                continue
            result.append(formatted)
        if count > 3:
            count -= 3
            result.append(
                f'  [Previous line repeated {count} more '
                f'time{"s" if count > 1 else ""}]\n'
            )
        return result


def walk_tb(tb):
    """Yields (frame, lineno) for each level of a traceback (Spry: the
    frame is a snapshot with f_globals, f_code and f_lineno)."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def walk_stack(f):
    """Yields (frame, lineno) from frame f (default: the caller's) outwards."""
    if f is None:
        f = sys._getframe().f_back.f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def _limited(items, limit):
    if limit is None:
        limit = getattr(sys, 'tracebacklimit', None)
        if limit is not None and limit < 0:
            limit = 0
    if limit is not None:
        if limit >= 0:
            items = items[:limit]
        else:
            items = items[limit:]
    return items


def extract_tb(tb, limit=None, capture_locals=False):
    """A StackSummary of the traceback's frames, outermost first (with
    `capture_locals`, each frame's locals as reprs: what a frame the
    exception left held then, a module frame's globals; Spry shows none
    for a function frame that was still running, the one that caught)."""
    entries = []
    while tb is not None:
        code = tb.tb_code
        f_locals = tb.tb_frame.f_locals if capture_locals and tb.tb_frame is not None else None
        entries.append(FrameSummary(code.co_filename, tb.tb_lineno, code.co_name, lookup_line=False,
                                    locals=f_locals))
        tb = tb.tb_next
    return StackSummary(_limited(entries, limit))


def _with_locals(chunks, stack):
    """The interpreter's per-frame traceback chunks (`_spry_tb.format_tb`)
    with each shown frame's captured locals after it, as CPython's
    `format_frame_summary` adds them. The chunks skip what the printer
    folds into "[Previous line repeated N more times]": the same rule
    picks the frames here."""
    out = []
    it = iter(chunks)
    last = None
    count = 0
    for fs in stack:
        key = (fs.filename, fs.lineno, fs.name)
        if key != last:
            if count > 3:
                out.append(next(it))
            last = key
            count = 0
        count += 1
        if count > 3:
            continue
        text = next(it)
        if fs.locals:
            text += ''.join('    {} = {}\n'.format(k, v) for k, v in sorted(fs.locals.items()))
        out.append(text)
    if count > 3:
        out.append(next(it))
    return out


def format_tb(tb, limit=None):
    """One string per frame of the traceback, position markers included."""
    return _spry_tb.format_tb(tb, limit)


def print_tb(tb, limit=None, file=None):
    if file is None:
        file = sys.stderr
    for item in format_tb(tb, limit):
        print(item, file=file, end="")


def format_list(extracted_list):
    """The strings of a list of FrameSummary objects or
    (filename, lineno, name, line) tuples."""
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def extract_stack(f=None, limit=None):
    """A StackSummary of the current stack (from frame f), outermost first."""
    if f is None:
        f = sys._getframe().f_back
    entries = []
    while f is not None:
        code = f.f_code
        entries.append(FrameSummary(code.co_filename, f.f_lineno, code.co_name, lookup_line=False))
        f = f.f_back
    entries.reverse()
    if limit is not None:
        entries = entries[-limit:] if limit >= 0 else entries[:-limit]
    return StackSummary(entries)


def format_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def print_stack(f=None, limit=None, file=None):
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def clear_frames(tb):
    """Clears the locals of the traceback's frames (Spry: nothing; the
    frames a traceback shows are snapshots, and the locals they show are
    kept by the exception and freed with it)."""
    pass


_cause_message = (
    "\nThe above exception was the direct cause "
    "of the following exception:\n\n")

_context_message = (
    "\nDuring handling of the above exception, "
    "another exception occurred:\n\n")


class TracebackException:
    """An exception ready for rendering: its type, value, the traceback it
    was given (which may be a trimmed one, as unittest passes) and its
    cause and context, each a TracebackException.

    (Spry: `format` prints through the interpreter's printer, so the
    lines, position markers included, are what an uncaught exception
    shows, and with `capture_locals` each frame's locals after it.)"""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        is_recursive_call = _seen is not None
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.exc_type = exc_type
        self._exc_value = exc_value
        self._tb = exc_traceback
        self._limit = limit
        self.stack = extract_tb(exc_traceback, limit=limit, capture_locals=capture_locals)
        try:
            self._str = str(exc_value)
        except Exception:
            self._str = "<exception str() failed>"
        self.__notes__ = getattr(exc_value, '__notes__', None)
        if exc_type and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            end_lno = exc_value.end_lineno
            self.end_lineno = str(end_lno) if end_lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = exc_value.end_offset
            self.msg = exc_value.msg
        self.__suppress_context__ = exc_value.__suppress_context__ if exc_value is not None else False
        self.__cause__ = self.__context__ = None
        self.exceptions = None
        if exc_value is not None:
            cause = exc_value.__cause__
            if cause is not None and id(cause) not in _seen:
                self.__cause__ = TracebackException(
                    type(cause), cause, cause.__traceback__, limit=limit,
                    lookup_lines=lookup_lines, capture_locals=capture_locals,
                    max_group_width=max_group_width, max_group_depth=max_group_depth, _seen=_seen)
            context = exc_value.__context__
            if (context is not None and id(context) not in _seen and
                    not (compact and (self.__cause__ is not None or self.__suppress_context__))):
                self.__context__ = TracebackException(
                    type(context), context, context.__traceback__, limit=limit,
                    lookup_lines=lookup_lines, capture_locals=capture_locals,
                    max_group_width=max_group_width, max_group_depth=max_group_depth, _seen=_seen)
            if isinstance(exc_value, BaseExceptionGroup):
                self.exceptions = [
                    TracebackException(type(e), e, e.__traceback__, limit=limit,
                                       lookup_lines=lookup_lines, capture_locals=capture_locals,
                                       max_group_width=max_group_width,
                                       max_group_depth=max_group_depth, _seen=_seen)
                    for e in exc_value.exceptions]

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        """Create a TracebackException from an exception."""
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    @property
    def exc_type_str(self):
        return self.exc_type.__qualname__ if self.exc_type else None

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return (self.exc_type is other.exc_type and self._str == other._str and
                    self.stack == other.stack and self.__cause__ == other.__cause__ and
                    self.__context__ == other.__context__)
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        """The exception part of the traceback, as strings ending in newlines."""
        if self.exc_type is None:
            yield 'NoneType: None\n'
            return
        text = _spry_tb.format_exception(self._exc_value, False)
        # The last line(s) after the traceback: what format_exception_only
        # prints (the SyntaxError location and notes included).
        lines = text.splitlines(keepends=True)
        if lines and lines[0].startswith('Traceback (most recent call last):'):
            tb_lines = ''.join(_spry_tb.format_tb(self._exc_value.__traceback__, None))
            rest = text[len(lines[0]) + len(tb_lines):]
            lines = rest.splitlines(keepends=True)
        yield from lines

    def format(self, *, chain=True, _ctx=None):
        """The exception and its traceback (and, with `chain`, its cause or
        context first), as strings ending in newlines."""
        if self.exceptions is not None:
            # Groups: the interpreter's nested rendering of the value.
            yield from _spry_tb.format_exception(self._exc_value, chain).splitlines(keepends=True)
            return
        if chain:
            if self.__cause__ is not None:
                yield from self.__cause__.format(chain=chain)
                yield _cause_message
            elif self.__context__ is not None and not self.__suppress_context__:
                yield from self.__context__.format(chain=chain)
                yield _context_message
        if self._tb is not None:
            yield 'Traceback (most recent call last):\n'
            chunks = _spry_tb.format_tb(self._tb, self._limit)
            if any(fs.locals for fs in self.stack):
                chunks = _with_locals(chunks, self.stack)
            yield from chunks
        yield from self.format_exception_only()

    def print(self, *, file=None, chain=True):
        """Print the result of self.format(chain=chain) to 'file'."""
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")
