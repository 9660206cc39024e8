# A value replaced in an attribute, a list or a dict drops the last
# reference to the old one inside compiled code; the helper that frees it
# is called keeping every register (--jit-opt preserve): floats and ints
# live across it must come out unchanged.


class Box:
    pass


class Node:
    def __init__(self, k):
        self.k = k

    def __del__(self):
        pass


def attr_store(n):
    b = Box()
    b.v = [0]
    s = 0.0
    t = 1.5
    k = 7
    for i in range(n):
        s += t * 1.0001 + k
        b.v = [i, s]  # the old list's last reference
        t = t + 0.5 * (i % 3)
        k = (k * 31 + i) % 1000
    return round(s, 4), t, k, b.v[0]


def list_store(n):
    xs = [Node(0) for _ in range(4)]
    a, b, c = 0.25, 0.5, 0.75
    acc = 0
    for i in range(n):
        xs[i % 4] = Node(i)  # frees the old node (its __del__ runs)
        a, b, c = b + 0.001, c * 1.0001, a - 0.002
        acc += xs[(i + 1) % 4].k
    return round(a + b + c, 6), acc


def dict_store(n):
    d = {"x": "a", "y": "b"}
    f = 3.0
    g = -1.0
    for i in range(n):
        d["x"] = str(i)
        f = f * 0.999 + g
        g = -g * 0.5 + 0.25
    return round(f, 6), round(g, 6), d["x"]


print(attr_store(5000))
print(list_store(5000))
print(dict_store(5000))
