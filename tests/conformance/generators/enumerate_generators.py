# enumerate() over generators: counts, start values, the generator's own
# protocol (send/throw/close, return, exceptions, PEP 479) while an
# enumerate drives it, and re-entrancy.
import sys


def numbers(n):
    for i in range(n):
        yield i * i


for i, v in enumerate(numbers(4)):
    print(i, v)
print(list(enumerate(numbers(3), 10)))
for i, v in enumerate(numbers(3), start=2**64):
    print(i, v)
for i, v in enumerate(numbers(3), -1):
    print(i, v)

# Nested: enumerate over a generator that enumerates another generator.
def tagged(g):
    for i, v in enumerate(g):
        yield "%d:%s" % (i, v)


for j, s in enumerate(tagged(numbers(3)), 1):
    print(j, s)

# Breaking out and resuming the same enumerate.
e = enumerate(numbers(6))
for i, v in e:
    if i == 2:
        break
print("after break", next(e), list(e))

# next() on the enumerate inside the loop body.
e = enumerate(numbers(6))
for i, v in e:
    print("loop", i, v, "next", next(e, None))

# The value of a yield expression is None when an enumerate drives it.
def echo():
    got = []
    for k in range(3):
        x = yield k
        got.append(x)
    print("echo got", got)


for i, v in enumerate(echo()):
    print("echo", i, v)

# The generator's return value ends the loop; else clauses run.
def short():
    yield "a"
    return "done"


for i, v in enumerate(short()):
    print(i, v)
else:
    print("else ran")

# Exceptions from the generator reach the loop; the count is not advanced.
def failing():
    yield 1
    raise KeyError("bad")


e = enumerate(failing())
try:
    for i, v in e:
        print("got", i, v)
except KeyError as exc:
    print("KeyError", exc)
print(list(e))

# PEP 479: StopIteration inside the generator becomes RuntimeError.
def leaky():
    yield 1
    raise StopIteration("oops")


try:
    for i, v in enumerate(leaky()):
        print("leaky", i, v)
except RuntimeError as exc:
    print("RuntimeError:", exc, type(exc.__cause__).__name__)

# A generator that enumerates itself: already executing.
def selfish():
    yield 1
    for pair in enum_self:
        yield pair


g = selfish()
enum_self = enumerate(g)
try:
    for i, v in enum_self:
        print("selfish", i, v)
except ValueError as exc:
    print("ValueError:", exc)

# Closing and throwing into a generator an enumerate is driving.
def closable():
    try:
        yield 1
        yield 2
    finally:
        print("closable finally")


g = closable()
for i, v in enumerate(g):
    print("closable", i, v)
    g.close()
print("closed")

def catching():
    while True:
        try:
            yield "x"
        except ValueError:
            print("caught inside")


g = catching()
for i, v in enumerate(g):
    print("catching", i, v)
    if i == 0:
        print("throw gives", g.throw(ValueError))
    if i >= 2:
        break

# Exceptions with tracebacks through an enumerate-driven generator.
def deep(n):
    if n == 0:
        yield 1 // n
    yield from deep(n - 1)


try:
    for i, v in enumerate(deep(2)):
        pass
except ZeroDivisionError as exc:
    print("ZeroDivisionError", exc)

# Recursion through enumerate-driven generators.
def rec(n):
    if n:
        for i, v in enumerate(rec(n - 1)):
            yield v + 1
    else:
        yield 0


print(list(rec(50)))
sys.setrecursionlimit(100)
try:
    print(list(rec(200)))
except RecursionError as exc:
    print("RecursionError")
