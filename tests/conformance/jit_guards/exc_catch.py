# Exceptions raised and caught inside hot loops and hot functions (the JIT's
# `catch`: handlers compiled into the region), with tracebacks, chaining,
# re-raise, `raise from`, `finally`, `with` and `__exit__`, `del` of the
# `as` name clearing temporaries, and generators resumed from the loops.
import sys
import traceback


def tb_text(err):
    # (CPython names the script by its absolute path.)
    text = "".join(traceback.format_exception(type(err), err, err.__traceback__))
    return text.replace(__file__, "exc_catch.py")


class AppError(Exception):
    code = 500

    def __init__(self, message, record=None):
        super().__init__(message)
        self.record = record


class Missing(AppError):
    code = 422

    def __init__(self, field, record=None):
        super().__init__("missing %s" % field, record)
        self.field = field


def check(i):
    if i % 5 == 0:
        raise Missing("f%d" % (i % 3), i)
    if i % 7 == 0:
        raise AppError("bad", i)
    if i % 11 == 0:
        raise KeyError(i)
    return i


def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise LookupError(k) from None


def divide(a, b):
    try:
        return a // b
    except ZeroDivisionError as err:
        raise AppError("div") from err


def handle(i, stats):
    try:
        v = check(i)
        v += lookup({"a": 1, "b": 2}, "a" if i % 13 else "z")
        v += divide(i, i % 4)
    except Missing as err:
        stats["missing_" + err.field] = stats.get("missing_" + err.field, 0) + 1
        return -err.code
    except AppError as err:
        stats["app"] = stats.get("app", 0) + 1
        if err.__cause__ is not None:
            stats["caused"] = stats.get("caused", 0) + 1
        return -err.code
    except KeyError:
        stats["key"] = stats.get("key", 0) + 1
        raise
    else:
        stats["ok"] = stats.get("ok", 0) + 1
        return v
    finally:
        stats["seen"] = stats.get("seen", 0) + 1


class Guard:
    def __init__(self):
        self.entered = 0
        self.suppressed = 0

    def __enter__(self):
        self.entered += 1
        return self

    def __exit__(self, tp, exc, tb):
        if tp is not None and issubclass(tp, LookupError):
            self.suppressed += 1
            return True
        if tp is ZeroDivisionError:
            raise ValueError("from exit") from exc
        return False


def loop(n):
    stats = {}
    g = Guard()
    total = 0
    caught = []
    for i in range(n):
        with g:
            try:
                total += handle(i, stats)
            except KeyError as err:
                total -= 1
                if len(caught) < 2:
                    caught.append(tb_text(err))
            if i % 17 == 0:
                raise LookupError(i)
        try:
            with g:
                if i % 19 == 0:
                    1 // (i - i)
        except ValueError as err:
            total += 3
            assert isinstance(err.__cause__, ZeroDivisionError)
            assert err.__context__ is err.__cause__
            assert err.__suppress_context__
        try:
            int("x%d" % i)
        except ValueError as err:
            total += len(str(err))
        del_target = [i]
        try:
            raise IndexError(i)
        except IndexError as e:
            x = e.args[0] + 1
        total += x + len(del_target)
    print(total, g.entered, g.suppressed, sorted(stats.items()))
    for c in caught:
        print(c)


loop(3000)


# An exception escaping the compiled loop after many caught ones: its
# traceback goes through the loop's frame and the function that raised.
def deep(i):
    if i == 2500:
        raise RuntimeError("escape at %d" % i)
    if i % 3 == 0:
        raise ValueError(i)
    return i


def escaping():
    t = 0
    for i in range(3000):
        try:
            t += deep(i)
        except ValueError:
            t -= 1
    return t


try:
    escaping()
except RuntimeError as err:
    print(tb_text(err))


# Re-raise with context: the handler raises another exception whose
# __context__ is the caught one; caught again in the loop.
def ctx_loop():
    seen = 0
    for i in range(2000):
        try:
            try:
                raise KeyError(i)
            except KeyError:
                if i % 2:
                    raise TypeError("t%d" % i)
                seen += 1
        except TypeError as err:
            assert isinstance(err.__context__, KeyError)
            assert not err.__suppress_context__
            seen += 2
    print("ctx", seen)


ctx_loop()


# Generators resumed from a compiled loop, raising, closed mid-loop.
def gen(n):
    try:
        for i in range(n):
            if i % 9 == 8:
                raise ValueError(i)
            yield i
    finally:
        print("gen finally", n)


def gen_loop():
    total = 0
    for k in range(3):
        g = gen(100 + k)
        try:
            for v in g:
                total += v
        except ValueError as err:
            total += 1000 * err.args[0]
    g = gen(50)
    for v in g:
        if v == 5:
            g.close()
            break
    print("gen", total)


gen_loop()


def sub():
    yield 1
    yield 2
    return "done"


def deleg():
    r = yield from sub()
    yield r


def stop_loop():
    out = []
    for i in range(1500):
        out.append(list(deleg())[-1])
        try:
            next(iter([]))
        except StopIteration:
            pass
    print(len(out), out[0])


stop_loop()


def bad_gen():
    yield 1
    raise StopIteration("x")


try:
    for x in bad_gen():
        pass
except RuntimeError as err:
    print(type(err).__name__, err, type(err.__cause__).__name__)


# An uncaught exception from inside the hot loop, with __context__.
def final():
    for i in range(2000):
        try:
            if i == 1999:
                raise KeyError("last")
        except KeyError:
            if i == 1999:
                raise AppError("final %d" % i)


try:
    final()
except AppError as err:
    print(tb_text(err))
sys.stdout.flush()
