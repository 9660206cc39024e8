"""The file-suffix part of importlib.machinery (Spry: its importer is the
interpreter's own, so the finder and loader classes are not here). The
lists are CPython 3.11's on x86-64 Linux, so code that maps file names to
module names (`inspect.getmodulename`) answers as there; Spry itself
imports only `.py` sources."""

SOURCE_SUFFIXES = ['.py']
DEBUG_BYTECODE_SUFFIXES = ['.pyc']
OPTIMIZED_BYTECODE_SUFFIXES = ['.pyc']
BYTECODE_SUFFIXES = ['.pyc']
EXTENSION_SUFFIXES = ['.cpython-311-x86_64-linux-gnu.so', '.abi3.so', '.so']


def all_suffixes():
    """Returns a list of all recognized module suffixes for this process"""
    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES
