# Bools stored where other values were before (dict entries, list slots,
# attributes), read by compiled loops: only the bool's byte is its value.
class Task:
    def __init__(self, i):
        self.held = [i] * 3          # a pointer first ...
        self.held = (i % 3 == 0)     # ... then a bool in the same entry
        self.waiting = 12345678912345
        self.waiting = i % 2 == 1

def count(tasks):
    n = 0
    for t in tasks:
        if t.held:
            n += 1
        if not t.waiting:
            n += 10
        if t.held and t.waiting:
            n += 100
    return n

tasks = [Task(i) for i in range(60)]
for _ in range(300):
    c = count(tasks)
print(c)

flags = [object() for _ in range(50)]
for i in range(50):
    flags[i] = i % 4 == 0
def truths(xs):
    k = 0
    for x in xs:
        if x:
            k += 1
    return k
for _ in range(300):
    tr = truths(flags)
print(tr)

d = {"a": 2**40, "b": 3.5}
d["a"] = False
d["b"] = True
def read(dd):
    s = 0
    for _ in range(2000):
        s += dd["a"] + dd["b"] * 2
    return s
print(read(d))
