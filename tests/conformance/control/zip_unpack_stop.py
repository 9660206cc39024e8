# for a, b in zip(...) stopping at the shorter iterable: the targets keep
# the values of the last complete step (the item taken from the longer
# iterable before the shorter one ran out is dropped).
def g(r):
    x = y = None
    for x, y in zip(r, r[1:]):
        pass
    return x, y
print(g([4.0, 5.0, 6.0]), g([1]), g([]))
def h(a, b, c):
    p = q = s = "unset"
    for p, q, s in zip(a, b, c):
        pass
    return p, q, s
print(h(range(5), [1, 2, 3], (7, 8, 9, 10)), h([1, 2], range(3), "xy"))
for n in range(3000):
    r = g(list(range(n % 7)))
print(r)
