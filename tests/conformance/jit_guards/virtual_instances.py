# Instances of classes whose __init__ only stores numbers, which compiled
# code keeps unbuilt ("virtual") while they are only read, copied and
# passed to inlined methods: every way such an object can escape, be
# compared, change or fail must behave as in the interpreter.
import gc
import sys
import weakref


class V:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return V(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def same(self, o):
        return self is o

    def __repr__(self):
        return "V(%r, %r, %r)" % (self.x, self.y, self.z)


def temporaries(n):
    # Built and read only: never escapes.
    total = 0.0
    for i in range(n):
        a = V(i, 2.0, 0.5)
        b = V(1.0, i, 3)
        c = (a - b) * 0.5 + a
        total += c.dot(b) + (a + b).x
    return total


print("temporaries", temporaries(3000))


def escapes(n):
    # Some escape into a list, a dict, a tuple, a global, an attribute.
    kept = []
    d = {}
    holder = V(0, 0, 0)
    for i in range(n):
        v = V(i, i + 1, i + 2)
        w = v * 2
        if i % 100 == 0:
            kept.append(w)
        if i % 250 == 0:
            d[i] = (v, w)
        if i % 333 == 0:
            holder.x = w
        if i % 500 == 0:
            globals()["last"] = v
    return len(kept), kept[3], sorted(d)[:3], d[250], holder.x, last


print("escapes", escapes(3000))


def identity(n):
    # One object however many registers hold it, before and after it is
    # built.
    same = 0
    for i in range(n):
        v = V(i, 0, 0)
        u = v
        if v is u and v.same(u) and u.same(v):
            same += 1
        if i % 10 == 0:
            box = [v, u]
            if box[0] is box[1] and box[0] is v:
                same += 100
    return same


print("identity", identity(2000))


def mutate(n):
    # A store into the object builds it; later reads see the new value.
    total = 0
    for i in range(n):
        v = V(i, 1, 2)
        if i % 3 == 0:
            v.x = -1
        if i % 7 == 0:
            v.w = 5
            total += v.w
        if i % 11 == 0:
            del v.y
            total += hasattr(v, "y")
        total += v.x
    return total


print("mutate", mutate(3000))


def introspect(n):
    out = []
    for i in range(n):
        v = V(i, 2, 3)
        if i % 500 == 0:
            out.append((type(v).__name__, isinstance(v, V), sorted(vars(v).items()), v.__dict__ == {"x": i, "y": 2, "z": 3}))
            out.append(repr(v))
            out.append(v == V(i, 2, 3))
    return out


print("introspect", introspect(2000))


def types_change(n):
    # The attribute types vary at one construction site.
    total = 0.0
    for i in range(n):
        x = i if i % 2 else float(i)
        y = True if i % 3 == 0 else i
        v = V(x, y, 1)
        total += v.x + v.y * 2 + v.z
    return total


print("types_change", types_change(3000))


def guard_exit(n):
    # A guard fails while the object is virtual (the list holds a str at
    # the end): the object is built for the interpreter, which goes on.
    items = [1.5] * n + ["s"]
    acc = []
    for k, item in enumerate(items):
        v = V(k, 1, 2)
        try:
            r = item * 2 + v.x
        except TypeError as e:
            acc.append((str(e), v.x, v.dot(v)))
            continue
        if k == n - 1:
            acc.append(r)
    return acc


print("guard_exit", guard_exit(2000))


class W:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def total(self):
        return self.x + self.y


def class_changes(n):
    # The class gains a property for an attribute, then a new method, then
    # loses the property: reads follow the class as in the interpreter.
    out = []
    for i in range(n):
        v = W(i, 1)
        out.append(v.x)
        if i == n // 3:
            W.x = property(lambda self: "prop", lambda self, val: None)
        if i == n // 2:
            W.total = lambda self: -1
        if i == 2 * n // 3:
            del W.x
        if i % 97 == 0 and not isinstance(v.x, str):
            out.append(v.total())
    return out[:3], out[-3:], out.count("prop"), out.count(-1), len(out)


print("class_changes", class_changes(3000))


class WithDel:
    deleted = 0

    def __init__(self, a):
        self.a = a

    def __del__(self):
        WithDel.deleted += 1


class Slotted:
    __slots__ = ("a",)

    def __init__(self, a):
        self.a = a


def finalizers(n):
    total = 0
    for i in range(n):
        w = WithDel(i)
        s = Slotted(i)
        total += w.a + s.a
    return total, WithDel.deleted


print("finalizers", finalizers(2000))


def weakrefs(n):
    alive = 0
    for i in range(n):
        v = V(i, 0, 0)
        if i % 400 == 0:
            r = weakref.ref(v)
            alive += r() is v
            del v
            gc.collect()
            alive += r() is None
    return alive


print("weakrefs", weakrefs(2000))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def shifted(self, d):
        return Point(self.x + d, self.y + d)


def nested_calls(n):
    # Virtual objects through several inlined levels and returned.
    best = None
    total = 0
    for i in range(n):
        p = Point(i, -i).shifted(1).shifted(2)
        total += p.norm2() % 1000
        if best is None or p.x > best.x:
            best = p
    return total, best.x, best.y


print("nested_calls", nested_calls(3000))


def recursion(depth):
    # Constructions at the recursion limit raise as in the interpreter.
    if depth == 0:
        return Point(1, 2).norm2()
    return recursion(depth - 1) + Point(depth, 0).x


try:
    print("recursion", recursion(50))
    sys.setrecursionlimit(200)
    print("deep", recursion(400))
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(1000)


def compare_ops(n):
    count = 0
    for i in range(n):
        a = Point(i, 1)
        b = Point(i, 1)
        if a != b and a is not b and not (a == b):
            count += 1
        if {a: 1}.get(a) == 1:
            count += 1
    return count


print("compare_ops", compare_ops(2000))


def big_ints(n):
    # An attribute that overflows 64 bits.
    total = 0
    for i in range(n):
        p = Point(2**62 + i, i)
        q = p.shifted(2**62)
        total += q.x % 1000 + q.y
    return total


print("big_ints", big_ints(2000))


def frame_locals(n):
    # The running frame's locals hold the (built) object.
    out = []
    for i in range(n):
        v = Point(i, -i)
        if i == n - 1:
            out.append(sys._getframe().f_locals["v"].x)
            out.append(vars(v))
    return out


print("frame_locals", frame_locals(2000))


def builtins_on_virtual(n):
    s = 0
    for i in range(n):
        v = Point(i, i)
        s += len(str(v.x)) + (v == v) + (v != v) + hash(v) * 0
        s += getattr(v, "x")
    return s


print("builtins_on_virtual", builtins_on_virtual(2000))


class R:
    def __init__(self, a, b, c):
        self.b = b
        self.a = a
        self.c = c

    def add(self, o):
        return R(self.a + o.a, self.b + o.b, self.c + o.c)

    def scale(self, k):
        return R(self.a * k, self.b * k, self.c * k)


def shared_exit_code(n):
    # An exit inside the inlined `add` writes back a virtual instance of
    # the caller (`q`): the code that builds it must not use the callee's
    # window as its scratch (it once shared the caller's exit code, which
    # did, and `self` came out None).
    errors = 0
    prev = R(0, 0, 0)
    total = 0.0
    for i in range(n):
        p = R(i, -i, -i)
        try:
            q = p.scale(float(i))
            if i == n // 2:
                R.s = lambda self: -1
            q = p.add(prev)
            total += q.a - q.c
        except AttributeError:
            errors += 1
    return errors, total


for r in range(3):
    print("shared_exit_code", r, shared_exit_code(1200))
