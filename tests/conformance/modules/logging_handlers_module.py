# logging.handlers: rotating, timed rotating, memory, queue and watched-file
# handlers, all writing inside a temporary directory.
import logging
import logging.handlers
import os
import queue
import tempfile

orig = os.getcwd()


def show(path):
    with open(path) as f:
        print(f"  {path}: {f.read().splitlines()}")


def fresh(name, handler, fmt="%(levelname)s %(message)s"):
    log = logging.getLogger(name)
    log.propagate = False
    log.setLevel(logging.DEBUG)
    handler.setFormatter(logging.Formatter(fmt))
    log.addHandler(handler)
    return log


with tempfile.TemporaryDirectory() as tmp:
    os.chdir(tmp)
    try:
        print("RotatingFileHandler")
        rh = logging.handlers.RotatingFileHandler("rot.log", maxBytes=40, backupCount=2)
        log = fresh("rot", rh, "%(message)s")
        for i in range(8):
            log.info("message number %d", i)
        rh.close()
        for name in sorted(os.listdir(".")):
            show(name)
        print("  shouldRollover", rh.maxBytes, rh.backupCount, rh.baseFilename == os.path.abspath("rot.log"))
        for name in os.listdir("."):
            os.remove(name)

        print("TimedRotatingFileHandler")
        th = logging.handlers.TimedRotatingFileHandler("timed.log", when="midnight", backupCount=3)
        log = fresh("timed", th)
        log.warning("timed one")
        log.error("timed two")
        print("  when", th.when, "interval", th.interval, "suffix", th.suffix)
        print("  rollover later", th.rolloverAt > 0, th.extMatch.pattern)
        th.doRollover()
        log.warning("after rollover")
        th.close()
        names = sorted(os.listdir("."))
        print("  files", len(names), names[0] if names else None)
        show("timed.log")
        rolled = [n for n in names if n != "timed.log"]
        print("  rolled name ok", len(rolled) == 1 and th.extMatch.fullmatch(rolled[0][len("timed.log."):]) is not None)
        with open(rolled[0]) as f:
            print("  rolled:", f.read().splitlines())  # (its name holds today's date)
        th2 = logging.handlers.TimedRotatingFileHandler("h.log", when="H", interval=2, delay=True)
        print("  hourly", th2.when, th2.interval, th2.suffix, th2.stream)
        th2.close()
        try:
            logging.handlers.TimedRotatingFileHandler("bad.log", when="X", delay=True)
        except ValueError as e:
            print("  ValueError", e)
        for name in os.listdir("."):
            os.remove(name)

        print("MemoryHandler")
        target = logging.FileHandler("mem.log")
        target.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
        mh = logging.handlers.MemoryHandler(3, flushLevel=logging.ERROR, target=target)
        log = logging.getLogger("mem")
        log.propagate = False
        log.setLevel(logging.DEBUG)
        log.addHandler(mh)
        log.info("buffered 1")
        log.info("buffered 2")
        print("  buffer", [r.getMessage() for r in mh.buffer])
        target.flush()
        show("mem.log")
        log.error("an error flushes")
        print("  buffer after error", len(mh.buffer))
        log.debug("d1"); log.debug("d2"); log.debug("d3")
        print("  buffer after capacity", len(mh.buffer))
        log.debug("left in buffer")
        mh.close()
        show("mem.log")
        target.close()

        print("QueueHandler / QueueListener")
        q = queue.Queue()
        qh = logging.handlers.QueueHandler(q)
        log = logging.getLogger("q")
        log.propagate = False
        log.setLevel(logging.DEBUG)
        log.addHandler(qh)
        log.info("queued %s", "one")
        log.warning("queued two")
        rec = q.get_nowait()
        print("  record", rec.getMessage(), rec.msg, rec.args, rec.levelname)
        sink = logging.FileHandler("listener.log")
        sink.setFormatter(logging.Formatter("%(name)s:%(levelname)s:%(message)s"))
        listener = logging.handlers.QueueListener(q, sink, respect_handler_level=True)
        listener.start()
        log.error("from listener %d", 3)
        listener.stop()
        sink.close()
        show("listener.log")

        print("WatchedFileHandler")
        wh = logging.handlers.WatchedFileHandler("watched.log")
        log = fresh("watched", wh)
        log.info("before move")
        os.rename("watched.log", "watched.old")
        log.info("after move")
        wh.close()
        show("watched.old")
        show("watched.log")

        print("BufferingHandler")
        bh = logging.handlers.BufferingHandler(2)
        log = fresh("buf", bh)
        log.info("a")
        print("  shouldFlush", bh.shouldFlush(log.makeRecord("buf", 20, "f", 1, "b", (), None)))
        log.info("b")
        print("  after capacity", bh.buffer)
        print("  constants", logging.handlers.DEFAULT_TCP_LOGGING_PORT, logging.handlers.SYSLOG_UDP_PORT,
              logging.handlers.SysLogHandler.LOG_ERR, logging.handlers.SysLogHandler.facility_names["user"])
    finally:
        os.chdir(orig)
