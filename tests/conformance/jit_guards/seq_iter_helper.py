# `for x in xs` over a list or tuple inside compiled code makes its
# iterator through a helper (no generic instruction): the iterator must
# behave as `iter()`'s in every case — the sequence replaced in the same
# register, mutated while iterated, empty, a subclass, a finalizer run by
# the value the iterator replaces, the loop left with break or an
# exception and resumed.


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


class MyList(list):
    def __iter__(self):
        return iter(list.__iter__(self))


def nested(rows):
    t = 0
    for r in range(len(rows)):
        row = rows[r]
        for x in row:
            t += x
        for y in (r, r + 1, r * 2):
            t -= y
    return t


def mutate(n):
    out = []
    for i in range(n):
        xs = [i, i + 1, i + 2]
        for x in xs:
            if x == i + 1 and i % 3 == 0:
                xs.append(-1)
            if x == i and i % 5 == 0:
                xs.pop()
            out.append(x)
    return sum(out), len(out)


def breaking(n):
    t = 0
    for i in range(n):
        for x in [i, i * 2, i * 3, 0]:
            if x > 50:
                break
            t += x
        else:
            t += 1
    return t


def raising(n):
    t = 0
    for i in range(n):
        try:
            for x in (i, 1, 0):
                t += i // x
        except ZeroDivisionError:
            t += 1000
    return t


def subclass_and_types(n):
    t = 0
    seqs = [[1, 2], (3, 4), MyList([5, 6]), range(7, 9), "ab"]
    for i in range(n):
        s = seqs[i % len(seqs)]
        for x in s:
            t += x if isinstance(x, int) else len(x)
    return t


def finalizers():
    holder = [Noisy("first")]
    for i in range(3):
        it_src = [i, i]
        for x in it_src:
            pass
        holder = [Noisy("n%d" % i)]
    print("end of finalizers", x)


print(nested([[i, i + 1] * (i % 4) for i in range(3000)]))
print(mutate(2000))
print(breaking(2000))
print(raising(1500))
print(subclass_and_types(3000))
finalizers()
print("done")
