# A guard after pure instructions leaves like the guard before them,
# resuming before them (the interpreter computes them again): each later
# step of an expression failing must give the interpreter's answer. The
# first guard of such a stretch (after a block's start or an instruction
# with effects) resumes at the stretch's start too.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def chain(n, big):
    out = []
    for i in range(n):
        a = i * 3
        b = big if i == n - 3 else i
        # mul, add, add: the second add overflows at one iteration
        v = a * 7 + b + b
        out.append(v % 1000003)
    return out[-4:], type(v).__name__


def with_reads(ps, n):
    s = 0
    for i in range(n):
        p = ps[i % len(ps)]
        # attribute reads between the guards; y turns into a float late
        s += p.x * 2 + p.y * 3 + i
        if i == n - 50:
            ps[0].y = 0.5
    return s


def floats_then_int(n):
    t = 0.0
    for i in range(n):
        u = i / 2 + 1.5
        w = u * u - i
        t += w if i < n - 2 else (2 ** 70) * 0 + int(w)
    return t


def compare_chain(n, lim):
    c = 0
    for i in range(n):
        k = i * i
        if k + i > lim and k - i < lim * 4:
            c += 1
    return c


def with_calls(xs, n, big):
    import math
    t = 0
    for i in range(n):
        a = xs[i % len(xs)]
        # a list read and builtin calls between the guards
        v = abs(a) * 3 + min(a, i) + (big if i == n - 7 else 1)
        w = math.sqrt(i) * 2.0 + v / 4
        t += v + int(w)
    return t % 1000003, type(t).__name__


def first_in_stretch(n, sizes):
    # The zero-division guard is the first guard after the store into
    # `out`: the exit resumes at the start of `ci = ...` with `ci`'s
    # temporaries unwritten.
    out = []
    total = 0.0
    for y in range(n):
        size = sizes[y % len(sizes)]
        out.append(y)
        try:
            ci = -1.25 + 2.5 * y / size
        except ZeroDivisionError as e:
            ci = float(len(str(e)))
        total += ci
        if y % 7 == 0:
            # A block start, then an overflow in the first guard of it.
            k = y * 2 ** 61 + y
            total += k % 13
    return round(total, 6), len(out)


def stretch_in_callee(n, d):
    def scale(a, b):
        return a * 3.0 / b + 1.0

    s = 0.0
    for i in range(n):
        try:
            s += scale(i, d if i != n - 5 else 0)
        except ZeroDivisionError:
            s -= 1.0
    return round(s, 6)


print(chain(2000, 2 ** 62))
print(first_in_stretch(3000, [4, 5, 0, 8]))
print(first_in_stretch(3000, [4, 5, 8]))
print(stretch_in_callee(3000, 7))
print(with_calls([3, -4, 5, -6], 3000, 2 ** 63 - 10))
print(with_reads([P(1, 2), P(3, 4), P(5, 6)], 3000))
print(floats_then_int(3000))
print(compare_chain(3000, 10 ** 6))
print(compare_chain(3000, 2 ** 62))
