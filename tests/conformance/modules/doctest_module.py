# doctest: testmod (quiet and verbose), run_docstring_examples, testfile,
# option flags and failure reports.
import contextlib
import doctest
import io
import os
import re
import sys
import tempfile


def clean(text):
    # Paths differ between runs and implementations: keep base names only
    # (CPython's doctest frames name its file, Spry's "<frozen doctest>").
    text = re.sub(r'File "[^"]*/([^/"]+)"', r'File "\1"', text)
    return text.replace('File "<frozen doctest>"', 'File "doctest.py"')


def captured(fn, *args, **kwargs):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        result = fn(*args, **kwargs)
    print(clean(buf.getvalue()), end="")
    print("->", result)


SOURCE = '''
"""A small module.

>>> square(4)
16
>>> [square(i) for i in range(4)]
[0, 1, 4, 9]
"""

def square(x):
    """Return x squared.

    >>> square(3)
    9
    >>> square(-2)
    4
    >>> square(1.5)
    2.25
    """
    return x * x

def broken(n):
    """
    >>> broken(2)
    5
    >>> broken('a')
    Traceback (most recent call last):
      ...
    TypeError: can only concatenate str (not "int") to str
    >>> broken(None)
    Traceback (most recent call last):
    ValueError: nope
    >>> undefined_name + 1
    >>> print("a\\\\nb")
    a
    c
    """
    return n + 2

class Stack:
    """A stack.

    >>> s = Stack()
    >>> s.push(1); s.push(2)
    >>> s.items
    [1, 2]
    >>> s.pop()
    2
    >>> list(range(20))   # doctest: +ELLIPSIS
    [0, 1, ..., 19]
    >>> print("a   b")   # doctest: +NORMALIZE_WHITESPACE
    a b
    >>> {"k": 1}   # doctest: +SKIP
    nothing
    """
    def __init__(self):
        self.items = []

    def push(self, x):
        """
        >>> Stack().push(3) is None
        True
        """
        self.items.append(x)

    def pop(self):
        return self.items.pop()

def _private():
    """
    >>> 1 + 1
    2
    """
'''

def diffs():
    """
    >>> print("\\n".join(["one", "two", "three", "four"]))
    one
    TWO
    three
    four
    """


print("== run_docstring_examples, UDIFF")
captured(doctest.run_docstring_examples, diffs, {}, name="diffs", optionflags=doctest.REPORT_UDIFF)
print("== run_docstring_examples, NDIFF")
captured(doctest.run_docstring_examples, diffs, {}, name="diffs", optionflags=doctest.REPORT_NDIFF)
print("== run_docstring_examples, verbose")
captured(doctest.run_docstring_examples, lambda: None, {}, True, "lam")


def square_doc():
    """
    >>> x = 6
    >>> x * 7
    42
    >>> x
    7
    """


captured(doctest.run_docstring_examples, square_doc, {}, name="square_doc")

TEXT = """Some prose.

    >>> total = 0
    >>> for i in range(5):
    ...     total += i
    >>> total
    10
    >>> total / 4
    2.5
    >>> print(sorted({'b': 1, 'a': 2}))
    ['a', 'b']
    >>> total * 'x'
    'xxxxxxxxxy'
"""

orig = os.getcwd()
with tempfile.TemporaryDirectory() as tmp:
    os.chdir(tmp)
    try:
        # The sample module is a real file, so tracebacks show its lines.
        with open("sample.py", "w") as f:
            f.write(SOURCE)
        sys.path.insert(0, tmp)
        import sample as mod
        print("== testmod, quiet")
        captured(doctest.testmod, mod)
        print("== testmod, verbose")
        captured(doctest.testmod, mod, verbose=True)
        print("== testmod, REPORT_ONLY_FIRST_FAILURE")
        captured(doctest.testmod, mod, optionflags=doctest.REPORT_ONLY_FIRST_FAILURE)
        print("== testmod, report=False")
        captured(doctest.testmod, mod, report=False)
        with open("example.txt", "w") as f:
            f.write(TEXT)
        print("== testfile (module_relative=False)")
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            r = doctest.testfile("example.txt", module_relative=False)
        print(buf.getvalue(), end="")
        print("->", r)
        print("== testfile relative to a module")
        with open("crlf.txt", "w", newline="") as f:
            f.write(">>> 'a' + 'b'\r\n'ab'\r\n>>> 6 * 7\r\n41\r\n")
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            r = doctest.testfile("crlf.txt", package=mod)
        print(clean(buf.getvalue()), end="")
        print("->", r)
        print("== testfile, verbose, report=False")
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            r = doctest.testfile(os.path.join(tmp, "example.txt"), module_relative=False,
                                 verbose=True, report=False, name="ex")
        print(clean(buf.getvalue()), end="")
        print("->", r)
    finally:
        sys.path.remove(tmp)
        os.chdir(orig)

print("== parser and finder")
mod = sys.modules["sample"]
parser = doctest.DocTestParser()
examples = parser.get_examples(">>> a = 1\n>>> a + 1\n2\n>>> raise KeyError('k')\nTraceback (most recent call last):\nKeyError: 'k'\n")
for ex in examples:
    print(repr(ex.source), repr(ex.want), repr(ex.exc_msg), ex.lineno, ex.indent)
tests = doctest.DocTestFinder().find(mod)
for t in sorted(tests):
    print(t.name, len(t.examples), t.lineno)
runner = doctest.DocTestRunner(verbose=False)
for t in sorted(tests):
    runner.run(t, out=lambda s: None)
print(runner.summarize(verbose=False))
checker = doctest.OutputChecker()
print(checker.check_output("[1, ..., 5]\n", "[1, 2, 3, 4, 5]\n", doctest.ELLIPSIS),
      checker.check_output("True\n", "1\n", 0),
      checker.check_output("1\n", "True\n", doctest.DONT_ACCEPT_TRUE_FOR_1))
print(doctest.script_from_examples(">>> x = 1\n>>> x\n1\ntext\n"))
