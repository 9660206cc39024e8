# Lists of numbers hold no references, so Spry's collector does not track
# them until they may (their storage becomes generic). Every way a list of
# ints, floats or bools can come to hold an object must make it take part
# in cycle collection again: a cycle through it is found and freed, its
# objects' finalizers run.
import gc


class Node:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def cycle_through(make_list, put, name):
    xs = make_list()
    n = Node(name)
    put(xs, n)
    n.back = xs
    del xs, n
    found = gc.collect()
    print(name, "collected:", found > 0)


def set_item(xs, n):
    xs[0] = n


def set_slice(xs, n):
    xs[1:2] = [n, 5]


def extend(xs, n):
    xs.extend([n])


def insert(xs, n):
    xs.insert(0, n)


def iadd(xs, n):
    xs += [n]


def self_ref(xs, n):
    xs.append(xs)
    xs.append(n)


cycle_through(lambda: [1, 2, 3], lambda xs, n: xs.append(n), "append-int")
cycle_through(lambda: [1.5, 2.5], set_item, "setitem-float")
cycle_through(lambda: [True, False, True], set_slice, "slice-bool")
cycle_through(lambda: list(range(5)), extend, "extend-range")
cycle_through(lambda: [0] * 4, insert, "insert-repeat")
cycle_through(lambda: [x * 2 for x in range(3)], iadd, "iadd-comp")
cycle_through(lambda: sorted([3, 1, 2]), self_ref, "self-sorted")
cycle_through(lambda: [1, 2] + [3], lambda xs, n: xs.__setitem__(slice(None), [n]), "replace-all")

# A list that only ever holds numbers, referenced from a cycle of objects:
# the cycle is still found (the list is not part of it).
a = Node("holder")
a.nums = [1, 2, 3]
a.me = a
del a
print("holder collected:", gc.collect() > 0)

# Lists report themselves tracked, as in CPython, whatever they hold.
print(gc.is_tracked([]), gc.is_tracked([1, 2]), gc.is_tracked([1.0]), gc.is_tracked([None]))

# Numbers stay numbers through the conversions.
xs = [1, 2, 3]
xs.append("four")
xs[3] = 4
print(xs, sum(xs))
fs = [0.5] * 3
fs[1] = None
fs[1] = 2.0
print(fs, sum(fs))
print("end")
