# A list index checked once against a list's length is not checked again
# for the same index register and the same length (`stack[lo], stack[hi] =
# stack[hi], stack[lo]`). Anything that changes the index, the length or
# the list between the accesses must make the next access check again:
# an append, a pop, a deletion, a slice assignment, an alias's change, a
# callee's, another list with the same index.


def swap_loop(n):
    total = 0
    for r in range(n):
        xs = list(range(10))
        lo, hi = r % 4, 9 - r % 3
        while lo < hi:
            xs[lo], xs[hi] = xs[hi], xs[lo]
            lo += 1
            hi -= 1
        total += xs[0] * 3 + xs[-1]
    return total


def negative_after_append(n):
    xs = [1, 2, 3]
    total = 0
    for i in range(n):
        total += xs[-1]
        xs.append(i)
        total += xs[-1] * 2
        if len(xs) > 50:
            del xs[3:]
    return total, xs[-1]


def local_negative(n):
    # The same (negative) index variable before and after the list grows
    # or shrinks: it names another element then.
    xs = [1, 2, 3]
    m = -1
    total = 0
    for i in range(n):
        total += xs[m]
        xs.append(i)
        total += xs[m] * 2
        xs.append(i + 1)
        xs.append(i + 2)
        total += xs[m] * 3
        xs.pop()
        total += xs[m] * 5
        if len(xs) > 60:
            del xs[3:]
    return total, xs[m]


def local_last(n):
    # A positive index variable that is the last valid one, then one past
    # the end after a pop.
    xs = list(range(10))
    errors = 0
    total = 0
    for i in range(n):
        k = len(xs) - 1
        total += xs[k]
        xs.append(i)
        total += xs[k]
        xs.pop()
        xs.pop()
        try:
            total += xs[k]
        except IndexError:
            errors += 1
        xs.append(7)
        total += xs[k]
    return total, errors, len(xs)


def shrink_between(n):
    xs = list(range(20))
    out = []
    for i in range(n):
        k = (i * 7) % 20
        if len(xs) <= k:
            xs = list(range(20))
        a = xs[k]
        if i % 7 == 6:
            xs.pop()
        try:
            b = xs[k]
        except IndexError as e:
            out.append((i, str(e)))
            xs = list(range(20))
            b = -1
        out.append(a - b)
    return len(out), out[:12], [o for o in out if isinstance(o, tuple)][:3]


def two_lists(n):
    a = list(range(10))
    b = list(range(5))
    total = 0
    errors = 0
    for i in range(n):
        k = i % 10
        total += a[k]
        try:
            total += b[k]
        except IndexError:
            errors += 1
        a[k] = a[k] + 1
    return total, errors, a


ALIAS = []


def grow(i):
    if i % 5 == 0:
        ALIAS.append(i)
    return i


def shrink(i):
    if i % 9 == 8:
        del ALIAS[0]
    return i


def through_alias(n):
    global ALIAS
    xs = list(range(8))
    ALIAS = xs
    total = 0
    for i in range(n):
        k = len(xs) - 1
        total += xs[k]
        grow(i)
        total += xs[k] + xs[-1]
        shrink(i)
        total += xs[k % len(xs)] + xs[-1]
        if len(xs) > 40:
            xs[:] = list(range(8))
    return total, len(xs)


def slice_assign(n):
    xs = [0] * 6
    total = 0
    for i in range(n):
        k = i % 6
        if len(xs) <= k:
            xs = [0] * 6
        xs[k] = i
        if i % 11 == 10:
            xs[1:3] = []
        try:
            total += xs[k]
        except IndexError:
            total -= 1
            xs = [0] * 6
    return total, xs


def stores(n):
    xs = [0.0] * 8
    for i in range(n):
        j = i % 8
        xs[j] = xs[j] + 0.5
        xs[-j - 1] = xs[-j - 1] * 1.5
        xs[j] += xs[-j - 1]
    return [round(x, 3) for x in xs]


print(swap_loop(3000))
print(negative_after_append(3000))
print(local_negative(3000))
print(local_last(3000))
print(shrink_between(600))
print(two_lists(3000))
print(through_alias(3000))
print(slice_assign(3000))
print(stores(400))
