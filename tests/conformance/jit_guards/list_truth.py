# Truth tests of lists in compiled loops (`if self.jobs:`, `a and b`): a
# list's truth is its length, read inline; values that stop being lists
# (a subclass with __bool__, None, tuples) must still be tested
# the interpreter's way.


class Queue:
    def __init__(self):
        self.jobs = []
        self.done = []


class FalseList(list):
    def __bool__(self):
        return False


def drain(q, n):
    steps = 0
    for i in range(n):
        if i % 3 == 0:
            q.jobs.append(i)
        if q.jobs:
            q.done.append(q.jobs.pop(0))
        elif not q.done:
            steps += 100
        if q.jobs and q.done:
            steps += 1
        steps += 1 if q.done else 0
    return steps, len(q.jobs), len(q.done)


q = Queue()
print("plain:", drain(q, 3000))
q = Queue()
print("again:", drain(q, 3000))


def swap_kinds(n):
    q = Queue()
    out = 0
    for i in range(n):
        if i == 1500:
            q.jobs = FalseList([1, 2, 3])
        if i == 1800:
            q.jobs = FalseList()
        if i == 2100:
            q.jobs = None
        if i == 2400:
            q.jobs = (1,)
        if i == 2600:
            q.jobs = ()
        if i == 2800:
            q.jobs = [7]
        if q.jobs:
            out += 1
        else:
            out += 1000
    return out


print("kinds:", swap_kinds(3000))


def alias(n):
    a = []
    b = a
    t = 0
    for i in range(n):
        if i % 5 == 0:
            b.append(i)
        if i % 7 == 0 and b:
            b.pop()
        if a:
            t += len(a)
        else:
            t -= 1
    return t


print("alias:", alias(3000))
