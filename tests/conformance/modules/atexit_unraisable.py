import atexit
class MyErr(Exception): pass
def e(): raise ValueError
def f(): raise MyErr("x")
atexit.register(e)
atexit.register(f)
atexit.register(print, "hello", end="!\n")
