"""Disassembler of Spry's register bytecode.

`dis.dis(x)` prints the listing that `spry --dis` prints for a function,
method, class, code object or source string: Spry compiles Python to
register bytecode (three-address instructions over a frame's registers),
not to CPython's stack bytecode, so this shows what Spry actually runs.
"""

import collections
import sys
import types
import _dis

__all__ = ["code_info", "dis", "disassemble", "distb", "disco", "show_code"]

# The source range of an instruction, as `code.co_positions()` gives it.
Positions = collections.namedtuple(
    'Positions',
    [
        'lineno',
        'end_lineno',
        'col_offset',
        'end_col_offset',
    ],
    defaults=[None] * 4
)

_have_code = (types.MethodType, types.FunctionType, types.CodeType,
              classmethod, staticmethod, type)


def _try_compile(source, name):
    """Attempts to compile the given source, first as an expression and
       then as a statement if the first approach fails.
    """
    try:
        c = compile(source, name, 'eval')
    except SyntaxError:
        c = compile(source, name, 'exec')
    return c


def _get_code_object(x):
    """Helper to handle methods, compiled or raw code objects, and strings."""
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    if isinstance(x, str):
        x = _try_compile(x, "<disassembly>")
    if hasattr(x, 'co_code') or isinstance(x, types.CodeType):
        return x
    raise TypeError("don't know how to disassemble %s objects" %
                    type(x).__name__)


def _write(text, file):
    if file is None:
        file = sys.stdout
    file.write(text)


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassemble classes, methods, functions, code objects and source strings."""
    if x is None:
        distb(file=file)
        return
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    if isinstance(x, type):
        items = sorted(x.__dict__.items())
        for name, x1 in items:
            if isinstance(x1, (classmethod, staticmethod)):
                x1 = x1.__func__
            if isinstance(x1, _have_code) or hasattr(x1, '__code__'):
                _write("Disassembly of %s:\n" % name, file)
                try:
                    dis(x1, file=file, depth=depth)
                except TypeError as msg:
                    _write("Sorry: %s\n" % msg, file)
                _write("\n", file)
        return
    if isinstance(x, (str, bytes, bytearray)) and not isinstance(x, types.CodeType):
        if not isinstance(x, str):
            x = bytes(x).decode('utf-8')
        x = _try_compile(x, "<dis>")
    if isinstance(x, types.CodeType):
        _write(_dis.disassemble(x), file)
        return
    raise TypeError("don't know how to disassemble %s objects" %
                    type(x).__name__)


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a traceback (default: last traceback)."""
    if tb is None:
        try:
            tb = sys.last_traceback
        except AttributeError:
            raise RuntimeError("no last traceback to disassemble") from None
    raise RuntimeError("Spry cannot disassemble tracebacks")


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a code object."""
    _write(_dis.disassemble(_get_code_object(co)), file)


disco = disassemble


def code_info(x):
    """Formatted details of methods, functions, or code."""
    co = _get_code_object(x)
    lines = []
    lines.append("Name:              %s" % (co.co_name,))
    lines.append("Filename:          %s" % (co.co_filename,))
    lines.append("Argument count:    %s" % (co.co_argcount,))
    lines.append("Positional-only arguments: %s" % (co.co_posonlyargcount,))
    lines.append("Kw-only arguments: %s" % (co.co_kwonlyargcount,))
    lines.append("Number of locals:  %s" % (co.co_nlocals,))
    lines.append("Flags:             %s" % (pretty_flags(co.co_flags),))
    if co.co_varnames:
        lines.append("Variable names:")
        for i_n in enumerate(co.co_varnames):
            lines.append("%4d: %s" % i_n)
    if co.co_freevars:
        lines.append("Free variables:")
        for i_n in enumerate(co.co_freevars):
            lines.append("%4d: %s" % i_n)
    if co.co_cellvars:
        lines.append("Cell variables:")
        for i_n in enumerate(co.co_cellvars):
            lines.append("%4d: %s" % i_n)
    return "\n".join(lines)


COMPILER_FLAG_NAMES = {
     1: "OPTIMIZED",
     2: "NEWLOCALS",
     4: "VARARGS",
     8: "VARKEYWORDS",
    16: "NESTED",
    32: "GENERATOR",
    64: "NOFREE",
   128: "COROUTINE",
   256: "ITERABLE_COROUTINE",
   512: "ASYNC_GENERATOR",
}


def pretty_flags(flags):
    """Return pretty representation of code flags."""
    names = []
    for i in range(32):
        flag = 1 << i
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ", ".join(names)


def show_code(co, *, file=None):
    """Print details of methods, functions, or code to *file*."""
    print(code_info(co), file=file)
