# `a, b, c = some_list` compiled: the length and storage kind guarded,
# every item taken before any old value of the targets is released.


def split_loop(n):
    total = 0
    names = []
    for i in range(n):
        user, city, kind = ("u%d;c%d;k%d" % (i, i % 7, i % 3)).split(";")
        total += len(user) + len(city) * 2 + len(kind)
        if i % 97 == 0:
            names.append(user + city + kind)
    return total, names[-3:]


print(split_loop(1000))


def typed_and_wrong_lengths(n):
    out = 0
    errors = []
    for i in range(n):
        xs = [i, i + 1, i + 2] if i % 5 else [float(i), 2.5, True]
        if i == 300:
            xs = [1, 2]
        if i == 400:
            xs = [1, 2, 3, 4]
        try:
            a, b, c = xs
            out += a + b * 2 + c
        except ValueError as e:
            errors.append(str(e))
    return out, errors


print(typed_and_wrong_lengths(500))


class Hook:
    def __init__(self, target, tag):
        self.target = target
        self.tag = tag

    def __del__(self):
        # runs when a target's old value is released: the list being
        # unpacked must already have been read
        self.target.clear()
        self.target.append(self.tag)


def finalizer_during_unpack(n):
    seen = []
    src = ["p", "q", "r"]
    a = b = c = None
    for i in range(n):
        if i % 40 == 0:
            a = Hook(src, "h%d" % i)
        src[:] = ["p%d" % i, "q", "r"] if len(src) != 3 else src
        a, b, c = src
        seen.append(a + b + c)
    return seen[-4:], src


print(finalizer_during_unpack(200))
