# sum() of generators: numbers added while the generator runs, anything
# else by the general addition at the same point.
log = []

def gen(items):
    for x in items:
        log.append(x)
        yield x

print(sum(gen(range(100))), sum(gen([])), sum(gen([5]), 10))
print(sum(gen([2 ** 62, 2 ** 62, 2 ** 62, -5])), sum(gen([2 ** 63 - 1, 1])))
print(sum(gen([1.5, 2, 3.25, -0.0])), sum(gen([-0.0])), sum(gen([-0.0]), -0.0), sum(gen([1, 2.5, 3])))
print(sum(gen([True, True, 3])), sum(gen([1, True])), sum(gen([float("inf"), 1, -float("inf")])))
print(sum(gen([0.1] * 10)), sum(gen([1e308, 1e308])), sum(gen([10 ** 30, 0.5])))
print(sum(gen([1, 2]), 0.5), sum(gen([[1], [2]]), []), sum(gen([(1,), (2,)]), ()))
print(sum(gen([1 + 2j, 3])), sum(gen([1, 2 ** 70, 3.0])))

class Money:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        log.append("add")
        return Money(self.v + (other.v if isinstance(other, Money) else other))
    __radd__ = __add__
    def __repr__(self):
        return "Money(%r)" % self.v

log.clear()
print(sum(gen([1, Money(2), 3, Money(4)])), log)
log.clear()
try:
    sum(gen([1, 2, "three", 4, 5]))
except TypeError as e:
    print("TypeError", e, log)

def raising():
    yield 1
    yield 2
    raise ValueError("mid-sum")

try:
    sum(raising())
except ValueError as e:
    print("ValueError", e)

def nested(n):
    for i in range(n):
        yield sum(j for j in range(i))

print(sum(nested(50)), sum(x * x for x in range(1000) if x % 3))
g = gen(range(10))
next(g)
print(sum(g), list(g))
