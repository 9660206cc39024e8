import sys
try:
    raise ValueError("x")
except ValueError as e:
    sys.excepthook(type(e), e, e.__traceback__)
    sys.__excepthook__(type(e), e, None)
try:
    sys.excepthook(1, 2)
except TypeError as e:
    print(e)
try:
    sys.excepthook(int, 5, None)
except TypeError as e:
    print(e)
sys.excepthook = sys.__excepthook__
raise SystemExit(3)
