# Facts about the caller's registers (a list's storage and length, an
# attribute's slot, an instance dict's entries and shape, a closure cell's
# value) go into inlined callees and come back out of them. Whatever the
# callee does to those objects through another name (an alias, a global,
# a parameter holding the same object) must be seen by the caller after
# the call, and by the callee itself.


class Box:
    def __init__(self, a, b):
        self.a = a
        self.b = b


SHARED = []
ALIAS = None


def peek(i):
    # Reads only: the caller's facts stay valid.
    return i + 1


def grow_alias(i):
    # Appends to the caller's list through a global alias: its storage may
    # move, its length changes.
    if i % 97 == 5:
        for _ in range(50):
            SHARED.append(i)
    return i


def make_float(i):
    # The caller's int list becomes a list of objects of mixed kinds.
    if i == 1300:
        SHARED[0] = 1.5
    return i


def shrink(i):
    if i == 1700:
        SHARED.clear()
        SHARED.extend(range(3))
    return i


def lists(n):
    global SHARED
    SHARED = list(range(10))
    xs = SHARED
    total = 0
    for i in range(n):
        total += xs[i % len(xs)]
        peek(i)
        total += xs[-1]
        grow_alias(i)
        total += xs[i % len(xs)] + len(xs)
        make_float(i)
        shrink(i)
        total += xs[len(xs) - 1]
    return total, len(xs)


def add_attr(box, i):
    # A parameter holding the caller's object: new keys change the dict's
    # shape and may move its entries.
    if i % 50 == 7:
        setattr(box, "k%d" % (i % 9), i)
    return box.a


def drop_attr(i):
    if i == 900:
        del ALIAS.a
        ALIAS.a = 100
    if i == 1400:
        ALIAS.__dict__.clear()
        ALIAS.a = 7
        ALIAS.b = 8
    return i


class Other:
    def __init__(self):
        self.a = -1000
        self.b = -2000


def change_class(i):
    if i == 1800:
        ALIAS.__dict__["a"] = 55
    return i


def attrs(n):
    global ALIAS
    box = Box(1, 2)
    ALIAS = box
    total = 0
    for i in range(n):
        total += box.a + box.b
        add_attr(box, i)
        total += box.a * 3 + box.b
        drop_attr(i)
        total += box.a
        change_class(i)
        box.b = box.a + i % 7
        total += box.b
    return total, sorted(vars(box).items())[:4]


def floats_in(box, i):
    if i == 600:
        box.a = "text"
    elif i == 601:
        box.a = 2.5
    return i


def kinds(n):
    box = Box(0.5, 1.5)
    total = 0.0
    for i in range(n):
        total += box.a * 0.5 if i < 600 or i > 601 else 0.0
        floats_in(box, i)
        if isinstance(box.a, float):
            total += box.a * 2
        else:
            total += len(box.a)
    return total


def cells(n):
    count = 0

    def bump(i):
        nonlocal count
        if i % 3 == 0:
            count += 2
        return i

    def read(i):
        return count + i

    total = 0
    for i in range(n):
        total += count
        bump(i)
        total += count
        total += read(i) - i
    return total, count


def callee_loop(xs, box, i):
    # A loop inside the inlined callee over the caller's list and object.
    s = 0
    for j in range(3):
        s += xs[j] + box.a
        if i == 800 and j == 1:
            xs.insert(0, -50)
            box.a = -3
    return s


def nested(n):
    xs = [1, 2, 3, 4]
    box = Box(10, 20)
    total = 0
    for i in range(n):
        total += xs[0] + box.a
        total += callee_loop(xs, box, i)
        total += xs[0] + box.a + len(xs)
    return total, xs[:6], box.a


class Circle:
    def __init__(self, r):
        self.r = r

    def area(self, scale):
        return self.r * self.r * scale.a


class Square:
    def __init__(self, s):
        self.s = s

    def area(self, scale):
        scale.a += 1
        return self.s * self.s * scale.a


def poly(n):
    shapes = [Circle(2), Square(3), Circle(1)]
    scale = Box(1, 0)
    total = 0
    for i in range(n):
        total += scale.a
        total += shapes[i % 3].area(scale)
        total += scale.a
    return total, scale.a


def push(ys, v):
    ys.append(v)
    return len(ys)


def bump_a(p):
    p.a += 1
    return p.b


def widen(p, i):
    # A new attribute on every call (a different name each time round):
    # the dict grows and its entries move.
    setattr(p, "w%d" % (i % 40), i)
    p.c = i
    return p.a


def plain(n):
    # Callees that change nothing the caller knows, and callees that change
    # it with compiled code on every call.
    xs = [1, 2, 3]
    box = Box(1, 2)
    total = 0
    for i in range(n):
        total += xs[-1] + box.a + box.b
        total += peek(i) - i
        total += xs[-1] + box.a
        total += push(xs, i)
        total += xs[-1] + xs[len(xs) // 2]
        total += bump_a(box)
        total += box.a
        total += widen(box, i)
        total += box.a + box.b + box.c
    return total, len(xs), box.a, len(vars(box))


print(plain(1500))
print(lists(2000))
print(attrs(2000))
print(kinds(1000))
print(cells(2000))
print(nested(1000))
print(poly(1500))
