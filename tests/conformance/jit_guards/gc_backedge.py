# Collections that fall due at a compiled loop's back-edge (the last
# statement of each body below allocates, so the back-edge is the safe
# point): the compiled code leaves at the loop header, the collector runs,
# and the next back-edge enters the code again (the region's own header or
# an inner loop's entry). Unboxed ints and floats, iterators and
# loop-invariant facts must come through every such exit intact. What the
# collector frees is printed only in totals (its timing is not CPython's).
import gc

collected = 0


class Node:
    def __init__(self, k):
        self.k = k
        self.me = self  # a cycle: only the collector frees it

    def __del__(self):
        global collected
        collected += 1


def keep(n):
    out = []
    s = 0.0
    t = 0
    for i in range(n):
        s += 0.5
        t += i * 3
        out.append([i, s])
    return len(out), s, t, out[-1]


def cycles(n):
    acc = 0.5
    total = 0
    for i in range(n):
        acc = acc * 1.0000001 + 0.25
        total += i
        Node(i)
    return total, round(acc, 6)


def nested(n, m):
    # After an exit at the inner header, the inner loop's entry is used.
    out = []
    f = 0.0
    g = 0
    for y in range(n):
        for x in range(m):
            f += 0.25
            g += x * y
            out.append((x, [y]))
    return len(out), f, g


SCALE = 3


def facts(n):
    # A global and a list read in the loop: their facts are checked again
    # on each re-entry.
    items = [1, 2, 3, 4]
    out = []
    t = 0
    for i in range(n):
        t += SCALE * items[i % 4]
        out.append([t])
    return t, len(out)


def inner(k, sink):
    j = 0
    while j < k:
        j += 1
        sink.append([j])
    return j


def inlined_loops(n):
    # The while loop runs inlined: its back-edge collects in compiled code.
    sink = []
    t = 0
    for i in range(n):
        t += inner(5, sink)
    return t, len(sink)


print(keep(50000))
print(cycles(30000))
print(nested(120, 250))
print(facts(40000))
print(inlined_loops(8000))
gc.collect()
print("cycles collected:", collected == 30000)
