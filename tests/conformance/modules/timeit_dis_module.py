# timeit (results only, not timings) and dis (the listing is Spry's own bytecode, so only its presence is checked).
import timeit
import dis
import io

t = timeit.timeit("sum(range(10))", number=100)
print("timeit returns float:", type(t).__name__, t >= 0)
r = timeit.repeat("x = 1", repeat=4, number=10)
print("repeat:", len(r), all(v >= 0 for v in r))
print("callable stmt:", type(timeit.timeit(lambda: None, number=10)).__name__)
timer = timeit.Timer("a + b", setup="a, b = 1, 2")
n, total = timer.autorange()
print("autorange:", n >= 1, total >= 0)
print("globals:", timeit.timeit("y * 2", globals={"y": 4}, number=5) >= 0)
try:
    timeit.timeit("undefined_name", number=1)
except NameError as e:
    print(type(e).__name__, e)
try:
    timeit.Timer("return 5")
except SyntaxError as e:
    print(type(e).__name__)

def sample(x):
    return x + 1
buf = io.StringIO()
dis.dis(sample, file=buf)
print("dis writes a listing:", len(buf.getvalue()) > 0)
buf = io.StringIO()
dis.dis("a = b + 1", file=buf)
print("dis of source:", len(buf.getvalue()) > 0)
try:
    dis.dis(42)
except TypeError as e:
    print(type(e).__name__, e)
