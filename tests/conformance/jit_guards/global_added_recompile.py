# Loops compiled while the module's globals were different: a key added
# after the compilation (the first assignment of a result), a global
# rebound inside the loop, a builtin shadowed between calls, and a loop that
# adds a global on every iteration. Each reads the globals as they are.
data = list(range(400))


def strs(xs):
    return [str(v) for v in xs]


def lens(xs):
    t = 0
    for x in xs:
        t += len(x)
    return t


for i in range(6):
    r = strs(data)                 # `r` is a new key the first time
    globals()["g%d" % i] = i       # and a new key every round
    print(i, len(r), r[-1], lens(r))

len = lambda x: 100                # shadows the builtin the loop reads
print(lens(r))
del len
print(lens(r))

factor = 2


def scaled(n):
    global factor
    t = 0
    for i in range(n):
        t += i * factor
        if i == 500:
            factor = 3             # rebound inside the compiled loop
        if i == 900:
            factor = 2.5           # and changes type
    return t


print(scaled(1000), factor)
factor = 2
print(scaled(1000))


def adder(n):
    t = 0
    for i in range(n):
        globals()["k%d" % i] = i   # a key added on every iteration
        t += len(data) + i
    return t


print(adder(3000), k2999)


def reader(n):
    t = 0
    for i in range(n):
        t += limit
    return t


limit = 1
print(reader(1000))
del limit
try:
    reader(10)
except NameError as e:
    print("NameError", e)
limit = 7
print(reader(1000))
