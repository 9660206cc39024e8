# list.append and list.pop called in compiled loops: every kind of value,
# indexes from both ends, errors, subclasses and other receivers at the
# same call, the list changing under an iteration, finalizer timing.
class Tracked:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


class Stack(list):
    def append(self, x):
        print("Stack.append", x)
        super().append(x * 2)

    def pop(self, *args):
        v = super().pop(*args)
        print("Stack.pop", v)
        return v


class Fake:
    def __init__(self):
        self.items = []

    def append(self, x):
        self.items.append(("fake", x))

    def pop(self, i=-1):
        return self.items.pop(i)


def fill(target, n):
    for i in range(n):
        target.append(i)
        target.append(i * 0.5)
        target.append(str(i))
        target.append(i % 2 == 0)
    return target


print(fill([], 5))
print(fill([1.5], 3))
print(fill(Stack(), 2))
print(fill(Fake(), 2).items)


def drain(lst, where):
    out = []
    for i in range(len(lst) + 2):
        try:
            if where is None:
                out.append(lst.pop())
            else:
                out.append(lst.pop(where))
        except IndexError as e:
            out.append(str(e))
    return out


print(drain(list(range(10)), None))
print(drain(list(range(10)), 0))
print(drain(list(range(10)), -2))
print(drain([1.0, 2.0, 3.0, 4.0], 1))
print(drain(["a", "b", "c"], 5))
print(drain(["a", "b", "c"], -9))
print(drain(list(range(6)), True))
print(drain(Stack([1, 2, 3]), 0))
try:
    print(drain([1, 2, 3], "x"))
except TypeError as e:
    print("TypeError", e)


def rotate(lst, n):
    total = 0
    for i in range(n):
        x = lst.pop(0)
        total += x
        lst.append(x + 1)
    return total, lst


print(rotate([1, 2, 3], 50))
print(rotate([1.5, 2.5], 50))
print(rotate([1, 2.5, 3], 50))


def shrink_while_iterating(lst):
    seen = []
    for x in lst:
        seen.append(x)
        if lst:
            lst.pop()
    return seen, lst


print(shrink_while_iterating(list(range(20))))


def grow_while_indexing(lst):
    i = 0
    while i < len(lst) and i < 40:
        if lst[i] % 3 == 0:
            lst.append(lst[i] + 1)
        i += 1
    return lst


print(grow_while_indexing([0, 1, 2, 3]))


def queue_with_finalizers(n):
    q = [Tracked(i) for i in range(3)]
    for i in range(n):
        q.append(Tracked(10 + i))
        q.pop(0)
        print("popped at", i)
    print("left", [t.n for t in q])


queue_with_finalizers(4)


def receivers(objs):
    out = []
    for o in objs:
        o.append(7)
        out.append(o.pop())
    return out


print(receivers([[1], [2], Stack([3]), Fake(), [4]]))
