# Comparing containers that contain themselves, or nest very deeply, raises
# RecursionError ("in comparison") instead of exhausting the native stack.
a = []
a.append(a)
b = []
b.append(b)
for op in ("==", "!=", "<"):
    try:
        print(op, eval("a %s b" % op))
    except RecursionError as e:
        print(op, "RecursionError", e)
print(a == a, a is a)

d = {}
d[1] = d
e = {}
e[1] = e
try:
    print(d == e)
except RecursionError as err:
    print("RecursionError", err)

t = ()
u = ()
for _ in range(100000):
    t = (t,)
    u = (u,)
try:
    print(t == u)
except RecursionError as err:
    print("RecursionError", err)

x = [1]
y = [1]
for _ in range(50):
    x = [x, 2]
    y = [y, 2]
print(x == y, x < y, [x] == [y])
print(repr(a), repr(d))
