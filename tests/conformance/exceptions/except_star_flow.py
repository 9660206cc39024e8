import re, sys, traceback
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("k")
except Exception as e:
    text = "".join(traceback.format_exception(e))
    sys.stdout.write(re.sub(r'File "[^"]*/', 'File "', text))
def gen():
    try:
        yield 1
        raise ExceptionGroup("g", [ValueError(5)])
    except* ValueError as e:
        yield repr(e)
print(list(gen()))
for i in range(3):
    try:
        raise ExceptionGroup("loop", [ValueError(i), KeyError(i)])
    except* ValueError as e:
        print("v", e.exceptions)
    except* KeyError as e:
        print("k", e.exceptions)
    else:
        print("else")
    finally:
        print("finally", i)
try:
    pass
except* ValueError:
    pass
else:
    print("else runs")
