# Functions with loops called from hot loops (inlined by the JIT): results,
# early returns, exceptions from the callee, recursion limits.
def first_multiple(n, k):
    i = 1
    while True:
        if (i * n) % k == 0:
            return i * n
        i += 1

def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps

acc = 0
for n in range(1, 3000):
    acc += first_multiple(n, 7) + collatz(n)
print(acc)

def checked(xs, limit):
    s = 0
    for x in xs:
        if x > limit:
            raise ValueError("too big: %d" % x)
        s += x
    return s

t = 0
for i in range(2000):
    try:
        t += checked([1, 2, i % 50], 45)
    except ValueError as e:
        t -= 1
        last = str(e)
print(t, last)

def fact(n):
    r = 1
    for k in range(2, n + 1):
        r *= k
    return r
s = 0
for i in range(400):
    s += fact(i % 30) % 1000003
print(s)
print(fact(25))

def depth(n):
    if n == 0:
        return 0
    total = 0
    for _ in range(2):
        total += 1
    return total + depth(n - 1)
tot = 0
for _ in range(50):
    tot += depth(30)
print(tot)
