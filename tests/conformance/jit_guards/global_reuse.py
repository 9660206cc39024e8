# A global read twice on one path is checked once: every way of changing
# it between the two reads must still be seen.
G = 1
H = 2.5


def rebind():
    global G
    G += 1


def inline_store(n):
    global H
    s = 0.0
    for i in range(n):
        s += H
        if i % 100 == 0:
            H = H + 1.0  # a compiled global store
        s += H * 2
    return s


def via_call(n):
    s = 0
    for i in range(n):
        s += G
        if i % 97 == 0:
            rebind()
        s += G * 2
    return s


def via_globals(n):
    s = 0
    for i in range(n):
        s += G
        if i == n // 2:
            globals()["G"] = 1000
        s += G
    return s


def shadow_builtin(n):
    s = 0
    xs = [1, 2, 3]
    for i in range(n):
        s += len(xs)
        if i == n // 2:
            globals()["len"] = lambda v: 100
        s += len(xs)
    del globals()["len"]
    return s


def kinds_change(n):
    global H
    out = []
    for i in range(n):
        a = H
        if i == n - 5:
            H = "h"
        b = H
        out.append(type(a).__name__ + type(b).__name__)
    return out[-7:]


print(inline_store(3000))
print(via_call(3000), G)
print(via_globals(3000))
print(shadow_builtin(3000))
print(kinds_change(3000))
