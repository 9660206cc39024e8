# Methods, len() and truth of deques (native objects) in compiled loops:
# subclasses that override them, and one call site meeting several types.
from collections import deque

def drain(d):
    total = 0
    steps = 0
    while d:
        total += d.popleft()
        steps += 1
    return total, steps, len(d)

def fill(d, n):
    for i in range(n):
        d.append(i)
    return len(d)

d = deque()
print(fill(d, 1000), drain(d))

class Counting(deque):
    appended = 0
    def append(self, x):
        Counting.appended += 1
        super().append(x * 2)

class Lying(deque):
    def __len__(self):
        return 0
    def __bool__(self):
        return len(self) > 0 or super().__len__() > 3

c = Counting()
print(fill(c, 500), Counting.appended, sum(c), drain(c))
lie = Lying([1, 2, 3, 4, 5, 6])
print(len(lie), bool(lie), drain(lie))

# One site, receivers of several types.
def push_all(targets, n):
    for i in range(n):
        for t in targets:
            t.append(i)
    return [len(t) for t in targets]

targets = [deque(), [], Counting(), deque(maxlen=3)]
print(push_all(targets, 200), list(targets[3]), Counting.appended)

def bfs(n):
    seen = {0}
    q = deque([0])
    order = []
    while q:
        v = q.popleft()
        order.append(v)
        for w in (2 * v + 1, 2 * v + 2):
            if w < n and w not in seen:
                seen.add(w)
                q.append(w)
    return len(order), order[-3:]

print(bfs(5000))

# Errors from the native methods keep their messages.
def pop_empty(d):
    try:
        for _ in range(10):
            d.pop()
    except IndexError as e:
        return "IndexError: " + str(e)

print(pop_empty(deque([1, 2])))
try:
    deque.append = None
except TypeError as e:
    print("TypeError", e)
print(len(deque(range(7))), bool(deque()), bool(deque([0])))
