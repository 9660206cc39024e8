# random: seeding from floats and other hashables (CPython hashes them as a C size_t),
# Random instances, and randrange's errors.
import random


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for seed in [0.5, -0.5, -2.5, 3.75, -1e300, 1e300, -1, -(2 ** 70), 0.0, -0.0, float("inf")]:
    r = random.Random(seed)
    print(seed if not isinstance(seed, float) else repr(seed), r.random(), r.randrange(1000), r.getrandbits(40))
for seed in ["", "a", "hello", b"hello", bytearray(b"hello"), 2 ** 100, 42]:
    random.seed(seed)
    print(repr(seed), random.random(), random.randint(1, 6), random.choice("abcdef"), random.sample(range(50), 4))
    print("  ", random.uniform(-1, 1), random.gauss(10, 3), random.choices("xyz", weights=[5, 1, 1], k=6))
    lst = list(range(12))
    random.shuffle(lst)
    print("  ", lst, random.triangular(0, 10, 2), random.expovariate(0.5), random.betavariate(0.5, 0.5))
random.seed("hello", version=1)
print("v1 str", random.random())
random.seed(b"hello", version=1)
print("v1 bytes", random.random())
r = random.Random(2024)
state = r.getstate()
first = [r.random() for _ in range(3)]
r.setstate(state)
print("setstate", first == [r.random() for _ in range(3)])
t("randrange(1.5)", lambda: random.randrange(1.5))
t("randrange('a')", lambda: random.randrange("a"))
t("randrange(0)", lambda: random.randrange(0))
t("randrange(5, 5)", lambda: random.randrange(5, 5))
t("randrange step 0", lambda: random.randrange(0, 10, 0))
t("randint(5, 1)", lambda: random.randint(5, 1))
t("choice([])", lambda: random.choice([]))
t("sample too many", lambda: random.sample(range(3), 5))
t("getrandbits(-1)", lambda: random.getrandbits(-1))
t("seed(list)", lambda: random.seed([1]))
