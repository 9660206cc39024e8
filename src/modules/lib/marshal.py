"""This module contains functions that can read and write Python values in
a binary format. The format is specific to Python, but independent of
machine architecture issues.

Spry: CPython's format (version 4) for None, bools, ints, floats, complex
numbers, str, bytes, tuples, lists, dicts, sets, frozensets, StopIteration
and Ellipsis; code objects are not supported. The codec is native
(`_spry_marshal`, src/modules/marshal.rs).
"""

from _spry_marshal import dumps, loads, _loads_prefix

version = 4


def dump(value, file, version=version, /):
    """Write the value on the open file.

      value
        Must be a supported type.
      file
        Must be a writeable binary file.
      version
        Indicates the data format that dump should use.

    If the value has (or contains an object that has) an unsupported type, a
    ValueError exception is raised - but garbage data will also be written
    to the file. The object will not be properly read back by load()."""
    file.write(dumps(value, version))


def load(file, /):
    """Read one value from the open file and return it.

      file
        Must be readable binary file.

    If no valid value is read (e.g. because the data has a different Python
    version's incompatible marshal format), raise EOFError, ValueError or
    TypeError."""
    start = file.tell() if file.seekable() else None
    data = file.read()
    if isinstance(data, str):
        raise TypeError("file.read() returned not bytes but str")
    value, used = _loads_prefix(data)
    if start is not None:
        file.seek(start + used)
    return value
