# random.Random's C methods check their arguments as CPython's _random does.
import random
r = random.Random(0)
for f in (lambda: r.random(1), lambda: r.random(x=1), lambda: r.getrandbits(), lambda: r.getrandbits(1, 2), lambda: r.getstate(1), lambda: r.seed(1, 2, 3, 4), lambda: r.random(), lambda: r.getrandbits(70)):
    try:
        print(f())
    except TypeError as e:
        print(e)
