"""Python part of the warnings subsystem (Spry: filters, catch_warnings,
and warn() printing `Category: message` to stderr)."""

import sys

__all__ = ["warn", "warn_explicit", "showwarning",
           "formatwarning", "filterwarnings", "simplefilter",
           "resetwarnings", "catch_warnings"]

filters = []
defaultaction = "default"
_onceregistry = {}
_shown = set()


class WarningMessage(object):
    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file",
                        "line", "source")

    def __init__(self, message, category, filename, lineno, file=None,
                 line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, "
                    "line : %r}" % (self.message, self._category_name,
                                    self.filename, self.lineno, self.line))


def formatwarning(message, category, filename, lineno, line=None):
    s = "%s:%s: %s: %s\n" % (filename, lineno, category.__name__, message)
    if line is None:
        try:
            import linecache
            line = linecache.getline(filename, lineno)
        except Exception:
            line = None
    if line:
        s += "  %s\n" % line.strip()
    return s


def showwarning(message, category, filename, lineno, file=None, line=None):
    if file is None:
        file = sys.stderr
        if file is None:
            return
    try:
        file.write(formatwarning(message, category, filename, lineno, line))
    except OSError:
        pass


def filterwarnings(action, message="", category=Warning, module="", lineno=0,
                   append=False):
    item = (action, message, category, module, lineno)
    if item in filters:
        filters.remove(item)
    if append:
        filters.append(item)
    else:
        filters.insert(0, item)


def simplefilter(action, category=Warning, lineno=0, append=False):
    filterwarnings(action, "", category, "", lineno, append)


def resetwarnings():
    filters[:] = []


def _action_for(message, category):
    text = str(message)
    for action, msg, cat, mod, ln in filters:
        if (not msg or text.startswith(msg)) and issubclass(category, cat):
            return action
    if issubclass(category, (DeprecationWarning, PendingDeprecationWarning,
                             ImportWarning, ResourceWarning)):
        return "ignore"
    return defaultaction


def warn(message, category=None, stacklevel=1, source=None):
    """Issue a warning, or maybe ignore it or raise an exception."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, "
                        "not '{:s}'".format(type(category).__name__))
    # The frame `stacklevel` calls up: its file and line, as CPython.
    try:
        frame = sys._getframe(stacklevel)
    except ValueError:
        filename, lineno, module = "sys", 1, "sys"
    else:
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
        module = frame.f_globals.get("__name__", "<string>")
    warn_explicit(message, category, filename, lineno, module, _shown,
                  source=source)


def warn_explicit(message, category, filename, lineno, module=None,
                  registry=None, module_globals=None, source=None):
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    action = _action_for(text, category)
    if action == "error":
        raise message
    if action == "ignore":
        return
    # Shown once per place ("default"), per module or once at all; without
    # a registry (the compiler's SyntaxWarnings, direct calls) every time
    # but for "once".
    if action == "once":
        key = (text, category)
    elif action == "always" or registry is None:
        key = None
    elif action == "module":
        key = (text, category, module if module is not None else filename)
    else:
        key = (text, category, filename, lineno)
    if key is not None:
        if key in _shown:
            return
        _shown.add(key)
    msg = WarningMessage(message, category, filename, lineno, None, None, source)
    _showwarnmsg(msg)


def _showwarnmsg(msg):
    showwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)


class catch_warnings(object):
    """A context manager that copies and restores the warnings filter upon
    exiting the context."""

    def __init__(self, *, record=False, module=None,
                 action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._entered = False
        self._filter = (action, category, lineno, append) if action else None

    def __enter__(self):
        global _showwarnmsg
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        self._filters = filters[:]
        self._shown = set(_shown)
        self._showwarnmsg = _showwarnmsg
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            _showwarnmsg = log.append
            return log
        return None

    def __exit__(self, *exc_info):
        global _showwarnmsg
        filters[:] = self._filters
        _shown.clear()
        _shown.update(self._shown)
        _showwarnmsg = self._showwarnmsg
