# list(), tuple(), sorted() and str.join() of generators (run to the end
# without suspending at each plain yield): the same values, side effects,
# exceptions and generator states as item by item.
import sys

log = []

def numbers(n):
    try:
        for i in range(n):
            log.append(i)
            got = yield i * i
            if got is not None:
                log.append(("sent", got))
    finally:
        log.append("finally")
    return "ignored"

print(list(numbers(5)), log)
log.clear()
print(tuple(numbers(3)), sorted(numbers(4), reverse=True), log)
print("-".join(str(x) for x in range(5)), "".join(c for c in "abc" if c != "b"))

# Partly consumed first, then collected; an exhausted generator.
g = numbers(5)
print(next(g), next(g), list(g), list(g))

def mixed():
    yield 1
    yield from [2, 3]
    yield from (x for x in (4, 5))
    yield from range(6, 8)
    r = yield from inner()
    yield r
    yield 99

def inner():
    yield "a"
    yield "b"
    return "ret"

print(list(mixed()))

def failing():
    yield 1
    yield 2
    log.append("before raise")
    raise KeyError("boom")

log.clear()
try:
    list(failing())
except KeyError as e:
    print("KeyError", e, log)

def stop_inside():
    yield 1
    raise StopIteration("inner stop")

try:
    tuple(stop_inside())
except RuntimeError as e:
    print("RuntimeError", e, repr(e.__cause__))

def self_ref():
    yield 1
    yield list(me)

me = self_ref()
try:
    list(me)
except ValueError as e:
    print("ValueError", e)

def running():
    yield me2.gi_running
    yield me2.gi_frame is not None

me2 = running()
print(list(me2), me2.gi_running, me2.gi_frame)

def nested(d):
    if d == 0:
        yield "leaf"
        return
    yield d
    yield list(nested(d - 1))

print(list(nested(4)))
print(len(list(x for x in list(list(range(j)) for j in range(50)))))

def with_stmt():
    class CM:
        def __enter__(self):
            log.append("enter")
        def __exit__(self, *a):
            log.append(("exit", a[0].__name__ if a[0] else None))
            return True
    with CM():
        yield 1
        raise ValueError("swallowed")
    yield 2

log.clear()
print(list(with_stmt()), log)

def exc_state():
    try:
        raise IndexError("handled")
    except IndexError:
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]

print(list(exc_state()), sys.exc_info()[0])

def closes():
    try:
        yield 1
        yield 2
    finally:
        print("closed")

g = closes()
print(list(g))
g.close()

def big(n):
    i = 0
    while i < n:
        yield i
        i += 1

total = 0
for _ in range(30):
    total += sum(list(big(3000)))
print(total, sorted(big(10), key=lambda v: -v)[:3])

profile_log = []
def prof(frame, event, arg):
    if frame.f_code.co_name == "numbers":
        profile_log.append(event)
sys.setprofile(prof)
r = list(numbers(3))
sys.setprofile(None)
print(r, profile_log)
