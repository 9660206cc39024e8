# Handlers in hot loops: except-clause matching (classes, tuples, a class
# changing mid-loop, a non-exception class), the stack of handled
# exceptions (sys.exc_info(), bare raise, __context__) in nested handlers,
# raises from inlined callees and builtins, finally order, finalizers of
# exception objects, and an uncaught exception leaving a compiled loop.
import sys


class AppError(Exception):
    code = 500

    def __init__(self, message, record=None):
        super().__init__(message)
        self.record = record


class Missing(AppError):
    code = 422

    def __init__(self, field):
        super().__init__("missing %s" % field)
        self.field = field


class NotFound(AppError):
    code = 404


def check(i):
    if i % 3 == 0:
        raise Missing("f%d" % (i % 5))
    if i % 5 == 1:
        raise NotFound(i)
    if i % 7 == 2:
        return int("x%d" % i)
    return i


def matching(n):
    total = 0
    kinds = {}
    for i in range(n):
        try:
            total += check(i)
        except Missing as e:
            kinds[e.field] = kinds.get(e.field, 0) + 1
            total -= e.code
        except (NotFound, KeyError) as e:
            total -= len(e.args)
        except ValueError:
            total += 1000
            assert sys.exc_info()[0] is ValueError
    print("matching", total, sorted(kinds.items()), sys.exc_info())


def changing(n):
    # The class named in the except clause changes mid-loop.
    global Target
    caught = []
    for i in range(n):
        if i == n // 2:
            Target = ValueError
        try:
            if i % 2:
                raise KeyError(i)
            int("y")
        except Target as e:
            caught.append(type(e).__name__[0])
        except Exception as e:
            caught.append(type(e).__name__[0].lower())
    print("changing", "".join(caught))


Target = KeyError


def nested(n):
    out = []
    for i in range(n):
        try:
            try:
                raise AppError("outer %d" % i)
            except AppError as outer:
                try:
                    if i % 2:
                        raise KeyError(i)
                    {}[i]
                except KeyError as inner:
                    out.append(inner.__context__ is outer)
                    out.append(sys.exc_info()[1] is inner)
                out.append(sys.exc_info()[1] is outer)
                if i % 4 == 3:
                    raise
        except AppError as again:
            out.append(str(again))
        out.append(sys.exc_info() == (None, None, None))
    print("nested", out.count(True), out.count(False), [x for x in out if isinstance(x, str)])


def reraise_chain(n):
    seen = []
    for i in range(n):
        try:
            try:
                try:
                    1 // (i % 3)
                except ZeroDivisionError as z:
                    raise AppError("bad") from z
                finally:
                    seen.append("f")
            except AppError as e:
                seen.append(type(e.__cause__).__name__[0])
                if i % 2:
                    raise
        except AppError as e:
            seen.append("r" + str(e.__suppress_context__)[0])
    print("reraise", "".join(seen))


def bad_clause(n):
    errs = 0
    for i in range(n):
        cls = KeyError if i < n - 2 else int
        try:
            try:
                raise KeyError(i)
            except cls:
                errs += 1
        except TypeError as e:
            print("bad clause", i, e, type(e.__context__).__name__)
    print("bad_clause", errs)


class Noisy(Exception):
    def __del__(self):
        print("del", self.args[0])


def finalizers(n):
    for i in range(n):
        try:
            raise Noisy(i)
        except Noisy:
            print("caught", i)
        print("after", i)


def uncaught(n):
    total = 0
    for i in range(n):
        try:
            total += check(i)
        except (Missing, NotFound, ValueError):
            total -= 1
        if i == n - 1:
            print("about to fail", total)
            raise RuntimeError("from a hot loop %d" % total)


def divide(a, b):
    return a // b, a % b


def zero_divisors(n):
    # An int divisor that is sometimes zero: the ZeroDivisionError is
    # raised from compiled code (no guard failure), for //, % and /, in
    # the loop's frame and in an inlined callee.
    out = []
    for i in range(n):
        d = i % 4
        for k in range(3):
            try:
                if k == 0:
                    out.append((i * 7) // d)
                elif k == 1:
                    out.append((i * 7) % d)
                else:
                    out.append((i * 7) / d)
            except ZeroDivisionError as e:
                out.append(str(e))
        try:
            out.append(divide(i, i % 3))
        except ZeroDivisionError as e:
            out.append(("divide", str(e), e.__traceback__.tb_next.tb_lineno))
    print("zero_divisors", len(out), out[:16], out[-8:])


matching(3000)
changing(40)
nested(40)
reraise_chain(30)
bad_clause(12)
finalizers(4)
zero_divisors(2000)
try:
    uncaught(2500)
except RuntimeError as e:
    print("uncaught", e, e.__context__)
uncaught(2000)
print("not reached")
