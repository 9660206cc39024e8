import atexit, sys
def a(x, y=2): print("a", x, y)
def b(): print("b"); 1/0
def c(): print("c"); sys.exit(5)
atexit.register(a, 1, y=3)
atexit.register(b)
atexit.register(c)
r = atexit.register(a, "again")
print(r is a)
atexit.unregister(c)
print("unregistered")
print("main done")
raise ValueError("boom")
