# sys.setprofile: the events CPython 3.11 sends (call, return, c_call,
# c_return, c_exception), for functions, generators, class bodies,
# comprehensions, builtins and exceptions; a hook that raises is removed.
import sys

events = []


def hook(frame, event, arg):
    if event.startswith('c_'):
        events.append((event, arg.__name__))
    elif event == 'return':
        events.append((event, frame.f_code.co_name, arg))
    else:
        events.append((event, frame.f_code.co_name))


def show(title):
    print(title)
    for e in events:
        print('   ', *e)
    events.clear()


def add(a, b):
    return a + b


def gen(n):
    for i in range(n):
        yield i * 10
    return 'done'


def fails():
    return int('x')


class Box:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


def run():
    x = add(1, 2)
    items = [y for y in gen(3)]
    b = Box(x)
    b.get()
    lst = []
    lst.append(len(items))
    d = {'k': 1}
    d.get('k')
    'abc'.upper()
    sorted([3, 1, 2], key=lambda v: -v)
    try:
        fails()
    except ValueError as e:
        print('caught', e)
    class Inner:
        z = max(1, 2)
    return x


sys.setprofile(hook)
run()
sys.setprofile(None)
show('run')

# The frame of a call event is the same object at its return, and its
# f_back is the caller's frame object.
frames = []


def same(frame, event, arg):
    if frame.f_code.co_name == 'add':
        frames.append((event, frame, frame.f_back))


def outer():
    return add(3, 4)


sys.setprofile(same)
outer()
sys.setprofile(None)
(e1, f1, b1), (e2, f2, b2) = frames
print(e1, e2, f1 is f2, b1 is b2, b1.f_code.co_name)


# A hook that raises is removed; its exception reaches the program.
def bad(frame, event, arg):
    if event == 'call':
        raise KeyError('from hook')


sys.setprofile(bad)
try:
    add(1, 1)
except KeyError as e:
    print('hook raised', e)
print('hook now', sys.getprofile())


# A callable object as the hook; getprofile returns it.
class Counter:
    def __init__(self):
        self.n = {}

    def __call__(self, frame, event, arg):
        self.n[event] = self.n.get(event, 0) + 1


c = Counter()
sys.setprofile(c)
print(sys.getprofile() is c)
for i in range(5):
    add(i, i)
sys.setprofile(None)
print(sorted(c.n.items()))

# Events of the code the hook runs are not sent.
def chatty(frame, event, arg):
    add(0, 0)
    events.append((event, frame.f_code.co_name if not event.startswith('c_') else arg.__name__))


sys.setprofile(chatty)
add(5, 5)
sys.setprofile(None)
show('chatty')

for args in [(), (1, 2)]:
    try:
        sys.setprofile(*args)
    except TypeError as e:
        print(e)
try:
    sys.getprofile(1)
except TypeError as e:
    print(e)

# A non-callable hook fails at the first event.
sys.setprofile(42)
try:
    add(1, 2)
except TypeError as e:
    print(e)
print(sys.getprofile())
