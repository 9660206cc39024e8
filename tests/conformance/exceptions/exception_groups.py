eg = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
print(repr(eg), str(eg), type(eg).__name__, eg.message, eg.exceptions, eg.args)
print(isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
print(type(BaseExceptionGroup("x", [KeyboardInterrupt()])).__name__, type(BaseExceptionGroup("x", [ValueError()])).__name__)
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, TypeError))))
for bad in [(1, []), ("x", []), ("x", 5), ("x", [1])]:
    try:
        ExceptionGroup(*bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print(e)

def f():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        print("caught", repr(e))
    except* TypeError as e:
        print("caught T", repr(e))
f()
try:
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("naked caught", repr(e), repr(e.exceptions[0]))
except Exception as x:
    print("escaped", x)
try:
    try:
        raise KeyError("k")
    except* ValueError:
        print("no")
except KeyError as x:
    print("reraised naked", repr(x))
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        pass
except ExceptionGroup as x:
    print("rest", repr(x))
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("new")
except ExceptionGroup as x:
    print("combined", repr(x), [type(e).__name__ for e in x.exceptions])
try:
    try:
        raise ValueError(1)
    except* ExceptionGroup:
        pass
except TypeError as x:
    print(x)
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        raise
except ExceptionGroup as x:
    print("bare reraise", repr(x))
import sys
try:
    raise ExceptionGroup("eg", [ValueError(1)])
except* ValueError:
    print(repr(sys.exc_info()[1]))
print(sys.exc_info())
