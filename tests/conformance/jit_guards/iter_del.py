# A finalizer that advances the iterator the compiled loop is walking: the
# loop must see the new position (as the interpreter does).


class Adv:
    def __init__(self, it, log):
        self.it = it
        self.log = log

    def __del__(self):
        self.log.append(next(self.it, None))


def by_del(n):
    log = []
    it = iter(range(n))
    out = 0
    for x in it:
        if x % 1000 == 7:
            a = Adv(it, log)
            del a
        out += x
    return out, log


def by_overwrite(n):
    log = []
    it = iter(list(range(n)))
    out = 0
    a = None
    for x in it:
        if x % 1000 == 7:
            a = Adv(it, log)
        else:
            a = 0
        out += x
    return out, log


def by_cycle(n):
    import gc
    log = []
    it = iter(range(n))
    out = 0
    for x in it:
        if x % 1000 == 7:
            a = Adv(it, log)
            a.self = a
            del a
            if x % 2000 == 7:
                gc.collect()
        out += x
    return out, log


for f in (by_del, by_overwrite, by_cycle):
    for k in range(3):
        print(f.__name__, f(5000))
