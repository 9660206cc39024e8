# sys.exit() with an int subclass (an IntEnum member): its value is the exit status,
# and nothing is printed (CPython checks PyLong, subclasses included).
import enum
import sys


class Code(enum.IntEnum):
    FAIL = 3


print("exiting")
sys.exit(Code.FAIL)
