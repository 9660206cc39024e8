# Facts about globals carried into inlined callees: a loop whose body
# calls small (inlined) functions keeps its checked globals across the
# call, and hoists them to the loop header. Whatever the callee does to
# those globals (a compiled store, a store through a call it does not
# inline, `globals()` writes, a number changing) must be seen.

SCALE = 3
OFFSET = 0.5


def helper(x):
    return x + 1


def double(x):
    return x * 2


def entry(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def swap_store(i):
    global helper
    if i == 1500:
        helper = double
    return i


def bump_scale(i):
    global SCALE
    if i % 700 == 699:
        SCALE += 1
    return SCALE


def far_write(i):
    if i == 2100:
        globals()["OFFSET"] = 2.25
    return i


def noinline(i):
    # (A loop: not inlined into a loop that calls it.)
    for _ in range(2):
        pass
    if i == 2600:
        globals()["helper"] = lambda x: x - 7
    return i


def nest(n):
    total = 0.0
    for i in range(n):
        for j in range(n):
            total += entry(i, j) * SCALE
    return total


def run(n):
    t = 0
    f = 0.0
    for i in range(n):
        t += helper(i)
        swap_store(i)
        t += bump_scale(i)
        far_write(i)
        f += OFFSET
        noinline(i)
    return t, f


print(nest(60))
print(run(3000))
print(helper(10), SCALE, OFFSET)
