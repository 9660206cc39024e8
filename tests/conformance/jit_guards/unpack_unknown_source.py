# Unpacking a value whose type the compiled code does not know (a tuple or
# None, tested before the unpack): speculated to be a tuple, guarded; other
# sequences, wrong lengths and non-iterables behave as in the interpreter.


def make(d):
    return (None, None) if d == 0 else (make(d - 1), make(d - 1))


def check(t):
    l, r = t
    return 1 if l is None else 1 + check(l) + check(r)


for d in range(10):
    print(d, check(make(d)))


def pairs(items):
    total = 0
    for x in items:
        if x is None:
            continue
        a, b = x
        total += a * 10 + b
    return total


seq = [(i, i + 1) if i % 3 else None for i in range(3000)]
print(pairs(seq))
# Lists, strings, ranges and generators where tuples were.
print(pairs(seq[:2000] + [[1, 2], (3, 4), range(5, 7), (i for i in (8, 9))] + seq[2000:]))
for bad in [(1, 2, 3), (1,), 5, [1, 2, 3], "ab"]:
    try:
        pairs(seq[:1500] + [bad])
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class Pair:
    def __init__(self, a, b):
        self.items = (a, b)

    def __iter__(self):
        return iter(self.items)


print(pairs(seq[:2500] + [Pair(4, 5)] * 3))
