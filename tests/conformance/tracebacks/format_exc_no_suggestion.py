# traceback.format_exc() of 3.11 has no "Did you mean" suggestion (only the C printer does).
import traceback
balance = 1
try:
    balanse
except NameError:
    print(traceback.format_exc().splitlines()[-1])
