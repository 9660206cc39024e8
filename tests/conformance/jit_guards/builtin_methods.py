# Method calls on values of builtin types (lst.append, d.get, s.split)
# go through a cache keyed by the receiver's type, and compiled code calls
# the method directly: receivers that change type, subclasses, errors and
# callbacks must behave as in the interpreter.


class MyList(list):
    def append(self, x):
        super().append(x * 10)


class MyStr(str):
    def upper(self):
        return "my" + str.upper(self)


def appender(lst, i):
    lst.append(i)
    return len(lst)


def changing_receivers(n):
    out = []
    things = [[], MyList(), [1], MyList([2])]
    for i in range(n):
        t = things[i % 4]
        appender(t, i)
    out.append([len(t) for t in things])
    out.append(sum(things[1]) + sum(things[0]))
    words = ["ab", MyStr("cd"), "ef", MyStr("gh")]
    acc = []
    for i in range(n):
        acc.append(words[i % 4].upper())
    out.append(acc[:8])
    mixed = [{}, [], "xyz", (1, 2), {1, 2}, b"ab", 3, 2.5]
    r = []
    for i in range(n):
        m = mixed[i % 8]
        r.append(m.__class__.__name__ + str(m.__len__() if hasattr(m, "__len__") else m.__abs__()))
    out.append(r[:8])
    return out


def get_counts(words):
    d = {}
    for w in words:
        d[w] = d.get(w, 0) + 1
    return sorted(d.items())


def pops(n):
    lst = list(range(n))
    t = 0
    while True:
        try:
            t += lst.pop()
        except IndexError as e:
            return t, str(e)


def key_raises(n):
    def key(x):
        if x == n // 2:
            raise KeyError(x)
        return -x
    data = list(range(n))
    done = 0
    for i in range(n):
        try:
            data.sort(key=key if i == n - 1 else None)
            done += 1
        except KeyError as e:
            return done, repr(e)


class Hashy:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        if self.v == 13:
            raise ValueError("unhashable thirteen")
        return hash(self.v)

    def __eq__(self, other):
        return isinstance(other, Hashy) and other.v == self.v


def dict_callbacks(n):
    d = {Hashy(i): i for i in range(10)}
    t = 0
    for i in range(n):
        try:
            t += d.get(Hashy(i % 20), -1)
        except ValueError as e:
            t += 1000
    return t


def rebinding_method_name(n):
    lst = []
    add = lst.append
    for i in range(n):
        add(i)
        if i == n // 2:
            add = lst.remove if False else lst.insert.__self__.append
    return len(lst)


print(changing_receivers(3000))
print(get_counts(("a b c a b a " * 500).split())[:3])
print(pops(5000))
print(key_raises(300))
print(dict_callbacks(3000))
print(rebinding_method_name(3000))


def copies(n):
    base = [3, 1, 2]
    tup = (7, 8)
    total = 0
    for i in range(n):
        c = list(base)
        c[0] = i
        d = list(tup)
        d.append(i)
        total += c[0] + base[0] + len(d) + sum(list(c))
    return total, base, tup


def shadowed_list(n):
    global list
    out = []
    for i in range(n):
        out.append(list((i, i)))
        if i == n // 2:
            list = lambda xs: "shadowed"
    del list
    return out[n // 2], out[n // 2 + 1], out[-1]


print(copies(3000))
print(shadowed_list(3000))
