# `for v in args` over a virtual *args tuple (virtargs): element types
# changing mid-loop, overflow inside the loop body, early exits, nested
# loops over the same args, exceptions while iterating.
def total(*values):
    s = 0
    for v in values:
        s += v
    return s


def cat(*values):
    s = ""
    for v in values:
        s += v
    return s


def first_big(*values):
    for v in values:
        if v > 10:
            return v
    else:
        return -1


def pairs(*values):
    out = 0
    for a in values:
        for b in values:
            out += a * b
    return out


def strs(*values):
    out = []
    for v in values:
        out.append(str(v))
    return ",".join(out)


def fails(*values):
    s = 0
    for v in values:
        s += 10 // v
    return s


s = 0
res = []
for i in range(3000):
    if i < 1000:
        s += total(i % 5, 1, 2)
    elif i < 1500:
        s += total(i, 2 ** 62, 2 ** 62)
    elif i < 2000:
        s += int(total(i, 0.5, 1))
    else:
        s += total(i, True, False) + len(cat("a", "b" * (i % 3), "c"))
    s += first_big(i % 20, 3, 15) + first_big(1, 2, 3) + first_big()
    s += pairs(i % 4, 2, 3) + pairs()
    if i % 600 == 0:
        res.append(strs(i, 2.5, None, "x"))
    try:
        s += fails(i % 7 + 1, 2, i % 3)
    except ZeroDivisionError:
        s += 1
print(s, res)
