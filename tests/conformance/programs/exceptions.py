# The benchmark program of the same name at its small size: the JIT must
# give exactly CPython's output on whole programs too.
"""Exceptions as control flow: a batch of records goes through validation,
lookup and processing steps that raise exceptions from a small class
hierarchy (and some built-in ones); callers catch them by base class or by
exact class, chain them with `raise ... from`, re-raise, use else/finally
and a context manager that suppresses some errors. Stresses raising,
unwinding through frames, except-clause matching and exception objects.

Size: number of records processed.
"""
import sys


class AppError(Exception):
    code = 500

    def __init__(self, message, record=None):
        super().__init__(message)
        self.record = record


class ValidationError(AppError):
    code = 400


class MissingField(ValidationError):
    code = 422

    def __init__(self, field, record=None):
        super().__init__("missing field %s" % field, record)
        self.field = field


class NotFound(AppError):
    code = 404


class RetryLater(AppError):
    code = 503

    def __init__(self, message, delay):
        super().__init__(message)
        self.delay = delay


class Counter:
    """Context manager that counts entries and swallows RetryLater."""

    def __init__(self):
        self.entered = 0
        self.suppressed = 0

    def __enter__(self):
        self.entered += 1
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, RetryLater):
            self.suppressed += exc.delay
            return True
        return False


def make_record(i):
    record = {"id": i, "name": "item%d" % (i % 97)}
    if i % 11 != 0:
        record["qty"] = i % 13
    if i % 17 != 3:
        record["price"] = (i * 7) % 50
    return record


def validate(record):
    for field in ("qty", "price"):
        if field not in record:
            raise MissingField(field, record)
    if record["qty"] == 0:
        raise ValidationError("empty order", record)
    return record


CATALOG = {"item%d" % n: n * 3 + 1 for n in range(97) if n % 10 != 7}


def lookup(name):
    try:
        return CATALOG[name]
    except KeyError:
        raise NotFound(name) from None


def process(record):
    base = lookup(record["name"])
    try:
        unit = base // record["price"]
    except ZeroDivisionError as err:
        raise AppError("bad price") from err
    if (record["id"] * 31) % 23 == 0:
        raise RetryLater("busy", record["id"] % 5 + 1)
    return unit * record["qty"]


def handle(record, stats):
    try:
        validate(record)
        value = process(record)
    except MissingField as err:
        stats["missing_" + err.field] = stats.get("missing_" + err.field, 0) + 1
        return -err.code
    except ValidationError as err:
        stats["invalid"] = stats.get("invalid", 0) + 1
        return -err.code
    except NotFound:
        stats["not_found"] = stats.get("not_found", 0) + 1
        raise
    else:
        stats["ok"] = stats.get("ok", 0) + 1
        return value
    finally:
        stats["seen"] = stats.get("seen", 0) + 1


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    stats = {}
    guard = Counter()
    total = 0
    chained = 0
    for i in range(count):
        record = make_record(i)
        with guard:
            try:
                total += handle(record, stats)
            except NotFound as err:
                total -= len(err.args[0])
            except AppError as err:
                if isinstance(err.__cause__, ZeroDivisionError):
                    chained += 1
                if isinstance(err, RetryLater):
                    raise
                total -= err.code
        try:
            int(record["name"][4:] + "x")
        except ValueError:
            total += 1
    summary = ",".join("%s=%d" % (key, stats[key]) for key in sorted(stats))
    print("checksum: %d,%d,%d,%d,%s" % (total, chained, guard.entered, guard.suppressed, summary))


main()
