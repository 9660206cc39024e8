# Functions whose arguments change type just before they get hot
# (`entryprofile`: the types of the last entries before the first
# compilation are recorded, and an argument seen with several is not
# specialised), and after: results must be the interpreter's.


class Packet:
    def __init__(self, v):
        self.v = v


def body(packet, k):
    # Called with None and with a Packet, alternating irregularly.
    if packet is None:
        return k * 2
    total = 0
    for i in range(3):
        total += packet.v * i + k
    return total


def mixed(x, y):
    # int, float, bool and big int arguments.
    s = x + y
    for i in range(2):
        s = s * 2 - y
    return s


def varargs(a, *rest, scale=1):
    t = a
    for r in rest:
        t = t + r
    return t * scale


def with_cell(n, m):
    def inner():
        return n + m
    acc = 0
    for i in range(2):
        acc += inner()
    return acc


out = []
for i in range(3000):
    p = None if i % 3 == 0 or i % 7 == 0 else Packet(i % 11)
    out.append(body(p, i % 5))
print("body:", sum(out), out[990:1010])

vals = [1, 2.5, True, 2 ** 70, -3, 0.25, False]
out = []
for i in range(3000):
    out.append(mixed(vals[i % 7], vals[(i * 3) % 7]))
print("mixed:", out[995:1005], sum(x for x in out if isinstance(x, int)))
print("mixed after:", mixed(1, 2), mixed(1.5, 2), mixed(2 ** 64, 1.0), mixed(True, False))

out = []
for i in range(3000):
    if i % 4 == 0:
        out.append(varargs(i, 1, 2, scale=2))
    elif i % 4 == 1:
        out.append(varargs(float(i)))
    elif i % 4 == 2:
        out.append(varargs("s", "t"))
    else:
        out.append(varargs(i, 0.5))
print("varargs:", out[996:1004])

out = []
for i in range(3000):
    out.append(with_cell(i if i % 2 else float(i), 1 if i % 3 else "x" if False else 2))
print("cells:", out[997:1003], sum(out))

# Types only ever seen after the first compilation: entry guards fail
# and the function is recompiled.
out = []
for i in range(3000):
    out.append(body(Packet(i) if i < 2000 else None, i))
for i in range(3000):
    out.append(body(Packet(float(i)), i))
print("late change:", sum(out), out[1998:2003], out[-2:])
