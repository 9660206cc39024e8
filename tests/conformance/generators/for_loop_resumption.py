# Generators driven by `for` loops: values, loop else, break and resume,
# nested and recursive generators, exceptions escaping (PEP 479), the
# generator observed from inside, close/finally, and sharing one
# generator between loops.
import sys


def count(n):
    for i in range(n):
        yield i
    return "ignored"


for x in count(3):
    print("x", x)
else:
    print("else after exhaustion")

g = count(6)
for x in g:
    if x == 2:
        break
print("broke at", x, "then", list(g), list(g))


def outer():
    for a in count(3):
        for b in count(a):
            yield a, b


print(list(outer()), sum(v for v in count(10)))


def walk(n):
    if n:
        yield n
        for v in walk(n - 1):
            yield v


print(sum(walk(200)))
try:
    for v in walk(5000):
        pass
except RecursionError as e:
    print("RecursionError:", e)


def leaky():
    yield 1
    raise StopIteration("inner")


try:
    for v in leaky():
        print("got", v)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__), "| context is cause:", e.__context__ is e.__cause__)


def raises_later():
    yield "a"
    raise KeyError("k")


try:
    for v in raises_later():
        print("got", v)
except KeyError as e:
    print("KeyError:", e)


def first_step_fails():
    raise ValueError("at start")
    yield


gen = first_step_fails()
try:
    for v in gen:
        pass
except ValueError as e:
    print("ValueError:", e, list(gen))


def watcher():
    me = yield_self[0]
    yield me.gi_running
    try:
        next(me)
    except ValueError as e:
        yield str(e)


yield_self = [None]
w = watcher()
yield_self[0] = w
print([v for v in w])


def cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")


for v in cleanup():
    print("cleanup got", v)
c = cleanup()
for v in c:
    break
c.close()
print("closed")


def shared():
    for i in range(6):
        yield i


s = shared()
pairs = []
for a in s:
    for b in s:
        pairs.append((a, b))
        break
print(pairs)


def delegating():
    yield from count(2)
    yield from [10, 11]
    r = yield from count(0)
    yield r


print(list(delegating()))


def excinfo():
    try:
        raise IndexError("handled")
    except IndexError:
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]


print([v for v in excinfo()])
total = 0
for i in range(300):
    for v in count(i % 7):
        total += v
print(total)
