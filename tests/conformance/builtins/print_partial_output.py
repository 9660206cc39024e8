# print writes the items before one whose str() fails, as CPython does.
import sys
try:
    print(1, 2, 10**5000)
except ValueError as e:
    print('VE')
class Bad:
    def __str__(self):
        raise RuntimeError("no str")
try:
    print("a", "b", Bad(), "c", sep="-")
except RuntimeError as e:
    print("|", e)
try:
    print(Bad())
except RuntimeError as e:
    print("|", e)
