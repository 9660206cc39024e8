# Loop-invariant facts (--jit-opt hoist): a list loaded from a cell (a
# variable a comprehension or closure also uses) and its storage kind are
# checked once per loop entry, and again after the collector ran, instead
# of on every iteration. Everything that may change them in between must
# still be seen.
import gc


def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            for m in range(i * i, limit + 1, i):
                flags[m] = False
        i += 1
    return [n for n in range(limit + 1) if flags[n]]


print(len(sieve(5000)), sieve(100)[-3:])


def rebound_between_runs():
    data = [1, 2, 3, 4]
    out = []
    for rnd in range(6):
        total = 0
        for k in range(200):
            total += data[k % 4]
        out.append(total)
        # the cell gets another list, of another kind, then a tuple
        if rnd == 1:
            data = [0.5, 1.5, 2.5, 3.5]
        elif rnd == 3:
            data = (7, 8, 9, 10)
        elif rnd == 4:
            data = [True, False, True, False]
    get = lambda: data
    return out, get()


print(rebound_between_runs())


class Mutator:
    """Cyclic garbage whose finalizer, run by the collector, changes the
    list and the cell the loop is using."""

    def __init__(self, action):
        self.me = self
        self.action = action

    def __del__(self):
        self.action()


def collector_changes(n):
    xs = [1] * 16
    events = []

    def shrink():
        del xs[8:]
        events.append("shrink")

    def widen():
        xs[0] = "wide"
        events.append("widen")

    def rebind():
        nonlocal xs
        xs = [2] * 4
        events.append("rebind")

    actions = [shrink, widen, rebind]
    total = 0
    errors = 0
    gc.collect()
    for i in range(n):
        if i % 300 == 7:
            Mutator(actions[(i // 300) % 3])
            gc.collect()
        try:
            v = xs[i % 16]
        except IndexError:
            errors += 1
            continue
        total += v if isinstance(v, int) else len(v)
        if i % 301 == 0:
            xs = [1] * 16
    return total, errors, events[:6], len(xs)


print(collector_changes(2000))


def unbound_mid_loop():
    vals = [3, 1, 2]

    def drop():
        nonlocal vals
        del vals

    s = 0
    try:
        for i in range(100):
            s += vals[i % 3]
            if i == 60:
                drop()
    except NameError as e:
        print("NameError:", e, s)


unbound_mid_loop()


def nested_loops():
    grid = [0] * 64
    f = lambda: grid
    for a in range(50):
        for b in range(64):
            grid[b] += a
        grid.append(1)
        grid.pop()
    return sum(f())


print(nested_loops())



def comprehensions(n):
    src = [i % 7 for i in range(n)]
    # appended values change type mid-way (the result's storage changes
    # kind in the append helper) while `src` is read from its cell
    mixed = [src[i] if i < n // 2 else src[i] * 0.5 if i < 3 * n // 4 else str(src[i]) for i in range(n)]
    # the list read in the comprehension is one the comprehension's
    # values are taken from and then replaced
    picks = [src[(i * 3) % n] for i in range(n) if src[i] > 2]
    src = [9.5] * 3
    after = [src[i % 3] for i in range(10)]
    return mixed[n // 2 - 2 : n // 2 + 2], mixed[-3:], sum(picks), len(picks), after[:4]


print(comprehensions(3000))
