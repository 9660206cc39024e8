# for-range loops in compiled code with steps of either sign, chosen at
# run time, near the int64 limits, empty ranges and a step changing sign
# between runs of the same loop.
def walk(a, b, step):
    total = 0
    count = 0
    for i in range(a, b, step):
        total += i
        count += 1
    return count, total


for step in (1, 2, 7, -1, -3, 1000, -1000):
    print(step, walk(-500, 500, step), walk(500, -500, step))
for a, b, step in ((0, 0, 1), (5, 5, -1), (0, 10, -1), (10, 0, 1)):
    print(a, b, step, walk(a, b, step))
big = 2**63 - 1
print(walk(big - 10, big, 3), walk(-big + 10, -big - 1, -3))
print(walk(big - 3, big, 1), walk(-big - 1 + 3, -big - 1, -1))
print(walk(0, 2**64, 2**61), walk(2**64, 0, -2**61))


def nested(n):
    out = 0
    for i in range(n, 0, -1):
        for j in range(0, i, 1 if i % 2 else 2):
            out += j - i
        for j in range(i, -i, -(i % 3 + 1)):
            out ^= j
    return out


print(nested(40))
try:
    walk(0, 10, 0)
except ValueError as e:
    print("ValueError", e)
big = 2**63 - 1
print(list(range(big - 5, big, 2)), list(range(-big + 5, -big - 1, -2)))
print(len(range(big - 5, big, 2)), list(reversed(range(big - 5, big, 2))))
print([x for x in range(big - 3, big + 5, 4)], sum(range(big - 2, big)))
print(list(zip(range(big - 2, big), "ab")), list(enumerate(range(-big - 1, -big + 2))))
it = iter(range(big - 1, big))
print(next(it), next(it, "done"))
