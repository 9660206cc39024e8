# Loops entered again and again with other types or other objects in their
# registers than the ones the compiled code was made for: the entry checks
# (made by the VM before it enters a loop's code) must send each such entry
# to the interpreter, or to code compiled again, never to code that assumes
# the old types.


def accumulate(start, step, n):
    total = start
    i = 0
    while i < n:
        total = total + step
        i += 1
    return total


# ints, then floats, then bools and big ints, then back to ints
for k in range(6):
    print(accumulate(k, 2, 300), end=" ")
print()
for k in range(6):
    print(accumulate(k + 0.5, 0.25, 300), end=" ")
print()
print(accumulate(True, True, 300), accumulate(2**70, 3, 300), accumulate(1, 2**63, 4))
print(accumulate("", "ab", 3), accumulate([], [1], 3), accumulate((), (None,), 2))
for k in range(3):
    print(accumulate(k, 1, 200), end=" ")
print()


def call_each(f, n):
    # `f` is a function in a register: the code assumes which one.
    acc = 0
    for i in range(n):
        acc += f(i)
    return acc


def square(x):
    return x * x


def negate(x):
    return -x


class Callable:
    def __call__(self, x):
        return x + 1000


for f in [square, square, square, negate, square, negate, len.__class__, Callable(), lambda x: x // 2, square]:
    try:
        print(call_each(f, 150), end=" ")
    except TypeError as e:
        print("TypeError:", e, end=" ")
print()


def nest(rows, cols, scale):
    out = 0
    for r in range(rows):
        c = 0
        while c < cols:
            out += r * c * scale
            c += 1
    return out


# The inner loop gets hot first; the nest is entered at its header too.
for scale in [1, 2, 1.5, 3, -1, 0.25, 2**64, 1, True]:
    print(nest(12, 40, scale), end=" ")
print()


def mixed_items(items):
    s = 0
    for x in items:
        s = s + x
    return s


print(mixed_items(list(range(500))), mixed_items([0.5] * 400), mixed_items(list(range(300)) + [0.5]),
      mixed_items([1, 2.5] * 200), mixed_items(range(1000)))
