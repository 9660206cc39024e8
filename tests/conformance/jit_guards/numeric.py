# Virtual list and tuple iterators (`viter`): `for x in seq` inside a hot
# loop walks the sequence without building an iterator; the iterator is
# built at exits (at its current position) and wherever else it is needed.
import gc


class Noisy:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    def __del__(self):
        self.log.append("del " + self.name)


def sums(rows, n):
    # The inner loop's iterator is made every outer step.
    total = 0
    for k in range(n):
        for x in rows[k % len(rows)]:
            total += x * (k + 1)
    return total


def type_change_mid_loop():
    # An element that fails the element-type guard part way through the
    # list: the iterator is built at its position, the interpreter goes on.
    rows = [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]]
    out = [sums(rows, 400)]
    rows.append([1, 2, 2.5, 3, 4])
    out.append(sums(rows, 400))
    rows.append([1, "x", 3])
    try:
        sums(rows, 400)
    except TypeError as e:
        out.append("TypeError " + str(e))
    rows[2] = (7, 8, 9.5)
    rows[3] = (True, 2, 3)
    out.append(sums(rows, 400))
    return out


def mutate_during(n):
    # The list grows and shrinks while the inner loop walks it.
    log = []
    for k in range(n):
        lst = [1, 2, 3]
        for x in lst:
            if x == 2 and k % 3 == 0:
                lst.append(10 + k % 5)
            if x == 1 and k % 7 == 0:
                lst.pop()
            log.append(x)
    return len(log), sum(log)


def rebind_during(n):
    # The variable is rebound inside the loop: iteration goes on over the
    # old list, which the iterator keeps alive.
    log = []
    acc = 0
    for k in range(n):
        items = [Noisy("a%d" % k, log), Noisy("b%d" % k, log)] if k >= n - 2 else [k, k + 1, k + 2]
        for x in items:
            items = None
            if isinstance(x, Noisy):
                log.append("see " + x.name)
            else:
                acc += x
            x = None
        log.append("end %d" % k) if k >= n - 2 else None
    return acc, log


def exception_mid_loop(n):
    out = []
    for k in range(n):
        try:
            for x in [3, 2, 1, 0, 5]:
                out.append(k // x)
        except ZeroDivisionError:
            out.append(-1)
    return len(out), sum(out)


def tuples_unpack(n, bad=True):
    pairs = [(1, 2), (3, 4), (5, 6)]
    total = 0
    for k in range(n):
        for a, b in pairs:
            total += a * b + k
        if k == n // 2:
            pairs.append([7, 8])  # a list: not unpacked natively
        if k == n // 2 + 10 and bad:
            pairs.append((9,))  # wrong length: ValueError
        if k == n // 2 + 20:
            break
    return total


def tuples_unpack_error(n):
    try:
        return tuples_unpack(n)
    except ValueError as e:
        return "ValueError " + str(e)


def breaks(n):
    seqs = [[1, 2, 3, 4], (5, 6, 7), [], (8,)]
    total = 0
    for k in range(n):
        for x in seqs[k % 4]:
            if x == 3 and k % 2:
                break
            total += x
        else:
            total += 100
    return total


def escaping(n):
    # An iterator made with iter() is a real one (used after the loop).
    lst = list(range(10))
    total = 0
    for k in range(n):
        it = iter(lst)
        for x in it:
            if x == 4:
                break
            total += x
        total += next(it)
        for x in it:
            total += x
    return total


def finalizer_mutates(n):
    # A finalizer run at a safe point inside the inner loop appends to the
    # list being walked.
    target = [1, 2, 3]
    log = []

    class Grow:
        def __del__(self):
            target.append(4)
            log.append(len(target))

    total = 0
    for k in range(n):
        target = [1, 2, 3]
        for x in target:
            if x == 2 and k == n - 3:
                g = Grow()
                g = None
            total += x
    return total, log


def inner(seq, depth):
    total = 0
    for x in seq:
        total += x
        if depth and x == 2:
            total += inner(seq, depth - 1)
    return total


def recursion(n):
    total = 0
    for k in range(n):
        total += inner([1, 2, 3], k % 4)
    return total


def deep(seq, depth):
    for x in seq:
        if x == 1:
            return deep(seq, depth + 1)
    return depth


def too_deep(n):
    out = []
    for k in range(n):
        try:
            out.append(deep((0, 1), 0))
        except RecursionError:
            out.append("RecursionError")
    return out[:2]


def cycles(n):
    # Sequences in cycles with the collector running mid-loop.
    total = 0
    for k in range(n):
        lst = [1, 2, 3]
        lst.append(lst)
        for x in lst:
            if x is lst:
                total += 1000
                if k % 50 == 0:
                    gc.collect()
            else:
                total += x
        lst = None
    return total


def generator_over(n):
    total = 0
    for k in range(n):
        total += sum(x * 2 for x in [k, k + 1])
        for x in (k, k + 1, k + 2):
            total += x
    return total


def zips(n):
    # zip(lists) made by a helper: lists of different lengths, mutated
    # and rebound mid-loop, a zip kept and used after the loop, zip
    # shadowed by a global.
    global zip
    a = [1.0, 2.0, 3.0]
    b = [4.0, 5.0]
    total = 0.0
    kept = None
    for k in range(n):
        for x, y in zip(a, b):
            total += x * y
            if k == n // 2 and x == 1.0:
                b.append(6.0)
        if k == n - 5:
            z = zip(a, b, a)
            for p, q, r in z:
                total += p + q + r
                break
            kept = z
        if k == n - 3:
            zip = lambda *args: [(1, 1)]
        if k == n - 2:
            del zip
    return total, list(kept)


print(zips(3000))
print(type_change_mid_loop())
print(mutate_during(1500))
print(rebind_during(1500))
print(exception_mid_loop(1500))
print(tuples_unpack(3000, False))
print(tuples_unpack_error(3000))
print(breaks(1500))
print(escaping(1500))
print(finalizer_mutates(1500))
print(recursion(500))
print(too_deep(3))
print(cycles(1500))
print(generator_over(1500))
