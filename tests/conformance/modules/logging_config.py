# logging.config: dictConfig and fileConfig (from a configparser string).
import io
import logging
import logging.config
import os
import sys
import tempfile


class Upper(logging.Filter):
    def filter(self, record):
        record.msg = str(record.msg).upper()
        return True


class Handler(logging.StreamHandler):
    def __init__(self, prefix):
        super().__init__(sys.stdout)
        self.prefix = prefix

    def emit(self, record):
        sys.stdout.write(self.prefix + self.format(record) + "\n")


config = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(levelname)s:%(name)s:%(message)s"},
        "brace": {"format": "{levelname}|{message}", "style": "{"},
    },
    "filters": {
        "upper": {"()": Upper},
        "only_app": {"name": "app"},
    },
    "handlers": {
        "out": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "stream": "ext://sys.stdout",
            "level": "DEBUG",
        },
        "custom": {
            "()": Handler,
            "prefix": ">> ",
            "formatter": "brace",
            "filters": ["upper"],
            "level": "WARNING",
        },
    },
    "loggers": {
        "app": {"level": "DEBUG", "handlers": ["out", "custom"], "propagate": False},
        "app.db": {"level": "INFO"},
        "other": {"level": "ERROR", "handlers": ["out"], "propagate": False, "filters": ["only_app"]},
    },
    "root": {"level": "WARNING", "handlers": []},
}

logging.config.dictConfig(config)
app = logging.getLogger("app")
app.debug("debug message")
app.warning("warning message")
logging.getLogger("app.db").debug("hidden db debug")
logging.getLogger("app.db").info("db info")
logging.getLogger("other").error("filtered out by name")
print("levels", app.level, logging.getLogger("app.db").level, logging.getLogger("other").level, logging.root.level)
print("handlers", [type(h).__name__ for h in app.handlers])

# incremental configuration changes levels only
logging.config.dictConfig({"version": 1, "incremental": True,
                           "loggers": {"app": {"level": "ERROR"}}})
app.warning("now hidden")
app.error("still shown")

# errors
for bad in [{}, {"version": 2},
            {"version": 1, "handlers": {"h": {"class": "no.such.Class"}}},
            {"version": 1, "formatters": {"f": {"format": "%(x)s", "style": "?"}}}]:
    try:
        logging.config.dictConfig(bad)
    except ValueError as e:
        print("ValueError", str(e).splitlines()[0][:70])

INI = """
[loggers]
keys=root,svc

[handlers]
keys=console,file

[formatters]
keys=short

[logger_root]
level=WARNING
handlers=console

[logger_svc]
level=DEBUG
handlers=console,file
propagate=0
qualname=svc

[handler_console]
class=StreamHandler
level=INFO
formatter=short
args=(sys.stdout,)

[handler_file]
class=FileHandler
level=DEBUG
formatter=short
args=('svc.log', 'w')

[formatter_short]
format=%(name)s %(levelname)s %(message)s
"""

orig = os.getcwd()
with tempfile.TemporaryDirectory() as tmp:
    os.chdir(tmp)
    try:
        logging.config.fileConfig(io.StringIO(INI))
        svc = logging.getLogger("svc")
        svc.debug("only in the file")
        svc.info("both places")
        logging.getLogger("app").error("app was disabled: %s", logging.getLogger("app").disabled)
        logging.warning("root warning")
        print("svc", svc.level, svc.propagate, [type(h).__name__ for h in svc.handlers])
        for h in svc.handlers:
            h.flush()
        with open("svc.log") as f:
            print("file:", f.read().splitlines())
        import configparser
        cp = configparser.ConfigParser()
        cp.read_string(INI.replace("args=('svc.log', 'w')", "args=('other.log', 'w')"))
        logging.config.fileConfig(cp, disable_existing_loggers=False)
        logging.getLogger("svc").debug("to other.log")
        logging.shutdown()
        with open("other.log") as f:
            print("other:", f.read().splitlines())
        try:
            logging.config.fileConfig(io.StringIO("[loggers]\nkeys=root\n"))
        except Exception as e:
            print(type(e).__name__, e)
    finally:
        for h in logging.getLogger("svc").handlers + logging.root.handlers:
            h.close()
        os.chdir(orig)
