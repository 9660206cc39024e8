try:
    1/0
except ZeroDivisionError:
    raise ExceptionGroup("during", [KeyError(1)])
