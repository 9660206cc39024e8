# any() and all() of generators: values that cannot decide are passed
# over inside the generator; the generator stops at the deciding value and
# stays suspended there, as item by item.
log = []

def gen(items):
    for x in items:
        log.append(x)
        yield x

print(any(gen([0, 0.0, "", None, [], (), {}, False])), log)
log.clear()
print(any(gen([0, 3, 0, 4])), log)
log.clear()
print(all(gen([1, 2.5, "a", [0], (1,), {1: 2}, True])), log)
log.clear()
print(all(gen([1, 1, 0, 1])), log)
print(any(gen([])), all(gen([])))

# The generator stays suspended after the deciding item.
g = gen([0, 0, 7, 8, 0])
print(any(g), next(g), list(g))
g = gen([5, 0, 6])
print(all(g), list(g))

class Truth:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        log.append("bool %s" % self.v)
        return self.v
    def __repr__(self):
        return "Truth(%s)" % self.v

log.clear()
print(any(gen([0, Truth(False), 0, Truth(True), 1])), log)
log.clear()
print(all(gen([1, Truth(True), set(), 2])), log)

class Bad:
    def __bool__(self):
        raise ValueError("no truth")

try:
    any(gen([0, Bad(), 1]))
except ValueError as e:
    print("ValueError", e)

def raising():
    yield 0
    raise KeyError("inside")

try:
    any(raising())
except KeyError as e:
    print("KeyError", e)
try:
    all(x for x in [1, 2] if 1 / (x - 2))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)

print(any(x > 5000 for x in range(10000)), all(x < 10000 for x in range(10000)))
print(sum(1 for _ in range(100) if any(y == _ % 7 for y in range(3))))
