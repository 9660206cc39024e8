# AttributeError carries name and obj, and an uncaught one gets CPython's "Did you mean"
# suggestion; the traceback module (3.11) makes none, for NameError either.
import math, collections
class A:
    def __init__(self):
        self.balance = 0
    def deposit(self): pass
for f in (lambda: A().balanse, lambda: math.sqr, lambda: "".uper(), lambda: collections.Countr, lambda: A.depost, lambda: A().xyzzy, lambda: (1).imag2):
    try:
        f()
    except AttributeError as e:
        print(e, '|', e.name, type(e.obj).__name__)
import traceback
try:
    A().balanse
except AttributeError:
    print(traceback.format_exc().splitlines()[-1])
A().balanse
