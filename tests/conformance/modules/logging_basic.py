import logging, sys, io
logging.basicConfig(level=logging.DEBUG, format="%(levelname)s:%(name)s:%(message)s", stream=sys.stdout)
log = logging.getLogger("app")
log.debug("debug %d", 1)
log.info("info %s", "x")
log.warning("warn")
log.error("error %r", {"a": 1})
exc_buf = io.StringIO()
exc_log = logging.getLogger("exc")
exc_log.propagate = False
exc_log.addHandler(logging.StreamHandler(exc_buf))
try:
    1 / 0
except ZeroDivisionError:
    exc_log.exception("failed")
# (The traceback names this file by the path it was run with.)
print(exc_buf.getvalue().replace(__file__, "FILE"), end="")
child = logging.getLogger("app.sub")
child.setLevel(logging.WARNING)
child.info("hidden")
child.warning("shown")
print(child.parent is log, child.getEffectiveLevel(), logging.getLevelName(30), logging.getLevelName("ERROR"))
s = io.StringIO()
h = logging.StreamHandler(s)
h.setFormatter(logging.Formatter("[%(levelname)-8s] %(funcName)s:%(lineno)d %(message)s"))
log.addHandler(h)
log.propagate = False
def f():
    log.critical("crit in f")
f()
print(repr(s.getvalue()))
fmt = logging.Formatter("{levelname} {message}", style="{")
r = logging.LogRecord("n", logging.INFO, "p.py", 3, "hello %s", ("w",), None)
print(fmt.format(r))
class Filt(logging.Filter):
    def filter(self, record):
        return "keep" in record.getMessage()
log.addFilter(Filt())
log.warning("drop me"); log.warning("keep me")
print(repr(s.getvalue().splitlines()[-1]))
logging.disable(logging.CRITICAL)
log.critical("disabled")
logging.disable(logging.NOTSET)
print(logging.root.level, logging.WARNING, logging.getLogger() is logging.root)
logging.getLogger("x").warning("to root %s", 5)
adapter = logging.LoggerAdapter(logging.getLogger("ad"), {"k": 1})
adapter.warning("adapted")
logging.warning("module level")
try:
    logging.basicConfig(style="bad")
except ValueError as e:
    print("ValueError", e)
log2 = logging.getLogger("default")
log2.propagate = False
log2.warning("last resort")   # no handlers: lastResort to stderr
