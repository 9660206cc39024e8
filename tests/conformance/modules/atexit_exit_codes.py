import atexit, sys
def c(): print("c"); sys.exit(5)
def d(): print("d"); raise KeyboardInterrupt
atexit.register(c)
atexit.register(d)
print("registered")
sys.exit(2)
