"""Generators resumed by `for` loops (interpreted and compiled), delegating
with `yield from` to lists and tuples: the next item is taken straight from
the delegated iterator; everything that must run the generator's frame
(exhaustion, send, throw, close, mutation, recursion) still does."""
import sys


def flat(batches):
    for b in batches:
        r = yield from b
        yield ("after", r)


def consume(g):
    out = []
    for x in g:
        out.append(x)
    return out


# Plain delegation, list and tuple, empty sequences, the value of `yield from`.
print(consume(flat([[1, 2], (), (3,), [], (4, 5)])))

# The list grows while it is being delegated to: the new items are seen.
grow = [1, 2, 3]


def grower():
    yield from grow
    yield "end"


out = []
for x in grower():
    out.append(x)
    if x == 2:
        grow.append(99)
    if x == 3:
        grow.pop(0)
print(out, grow)

# The list shrinks: the iterator ends early, the frame goes on.
shrink = [1, 2, 3, 4, 5]


def shrinker():
    n = yield from shrink
    yield ("done", n)


out = []
for x in shrinker():
    out.append(x)
    if x == 2:
        del shrink[2:]
print(out)

# next(), send() and gi_yieldfrom while delegating to a list iterator.
g = flat([[10, 20, 30]])
print(next(g), next(g), type(g.gi_yieldfrom).__name__, g.gi_running)
try:
    g.send(5)
except AttributeError as e:
    print("send:", e)
print(g.gi_yieldfrom, next(g, "fin"))

# throw() into a generator delegating to a list: raised at the yield from.
def guarded(xs):
    try:
        yield from xs
    except ValueError as e:
        yield ("caught", str(e))
    finally:
        print("finally ran")


g = guarded([1, 2, 3])
print(next(g), g.throw(ValueError("boom")), next(g, "exhausted"))

# close() while delegating: finally runs once.
g = guarded((7, 8, 9))
for x in g:
    print("got", x)
    if x == 8:
        g.close()
print(g.gi_frame, list(g))

# throw() finishing a sub-generator: the outer frame goes on past its
# `yield from` with the sub-generator's return value (nothing sent
# overwrites it), then receives sent values at its next yield.
def sub():
    try:
        yield 1
    except KeyError:
        return "subret"


def outer():
    r = yield from sub()
    x = yield ("r", r)
    y = yield ("x", x)
    return y


g = outer()
print(next(g), g.throw(KeyError), g.send(5))
try:
    g.send(6)
except StopIteration as e:
    print("returned", e.value)
g = outer()
out = []
for v in g:
    out.append(v)
    if v == 1:
        out.append(g.throw(KeyError))
print(out)


# "generator already executing" from inside the delegating generator's loop.
def selfish():
    yield 1
    yield from [2, 3]
    yield next(me)


me = selfish()
try:
    for x in me:
        print("selfish", x)
except ValueError as e:
    print("ValueError:", e)

# A StopIteration raised by the consumer body is not confused with the end.
def body_raises():
    yield from [1, 2, 3]


try:
    for x in body_raises():
        if x == 2:
            raise StopIteration("from body")
except StopIteration as e:
    print("StopIteration", e)

# Exceptions from within the frame after delegation have the right traceback line.
def after_fail():
    yield from [1]
    1 / 0


try:
    for x in after_fail():
        pass
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("ZeroDivisionError at line", tb.tb_lineno)

# A hot compiled consumer loop over a delegating generator, whose
# sequences change type and kind mid-loop.
def mixed(n):
    for i in range(n):
        if i % 3 == 0:
            yield from [i, i + 0.5]
        elif i % 3 == 1:
            yield from (str(i), None)
        else:
            yield from range(i, i + 2)
        yield from ()


def hot():
    total = 0.0
    strs = 0
    nones = 0
    for v in mixed(3000):
        if isinstance(v, str):
            strs += 1
        elif v is None:
            nones += 1
        else:
            total += v
    return total, strs, nones


print(hot())

# sum() and other builtins drive a delegating generator through next().
print(sum(flat_item for flat_item in flat([[1, 2], [3]]) if isinstance(flat_item, int)))
print(sum(x for x in (y for b in ([1, 2], (3, 4)) for y in b)))


def nested_from(depth):
    if depth == 0:
        yield from [depth, -depth]
    else:
        yield from nested_from(depth - 1)
        yield from [depth]


print(list(nested_from(5)), sum(nested_from(50)))

# enumerate() over a generator, with counts crossing the machine-int range.
def gen3():
    yield "a"
    yield "b"
    yield "c"


for i, v in enumerate(gen3(), 2**63 - 2):
    print(i, v, type(i).__name__)
for p in enumerate(gen3(), -(2**63) - 1):
    print(p)
print(list(enumerate(gen3(), 2**63 - 1)))

# Deep recursion: delegating generators near the recursion limit.
def deep(n):
    if n == 0:
        yield from [1, 2]
    else:
        for x in deep(n - 1):
            yield x


sys.setrecursionlimit(200)
try:
    print(list(deep(150)))
except RecursionError as e:
    print("RecursionError", e)
try:
    print(list(deep(400)))
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(1000)
