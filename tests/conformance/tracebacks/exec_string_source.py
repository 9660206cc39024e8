# Code compiled from a string has no source lines in tracebacks (CPython's
# printer reads files); the traceback module shows what linecache knows.
import linecache
import traceback

src = 'def g():\n    return 1 / 0\n'
code = compile(src, '<mine>', 'exec')
ns = {}
exec(code, ns)
try:
    ns['g']()
except ZeroDivisionError:
    print(traceback.format_exc().replace(__file__, 'FILE'))
linecache.cache['<mine>'] = (len(src), None, src.splitlines(True), '<mine>')
try:
    ns['g']()
except ZeroDivisionError:
    print(traceback.format_exc().replace(__file__, 'FILE'))
try:
    eval('[1, 2][5]')
except IndexError:
    print(traceback.format_exc().replace(__file__, 'FILE'))
exec('x = 1\ny = x / 0')
