# Unboxed numbers stay in machine registers in inner loops because compiled
# code saves them around every helper call and reads them back after
# (--jit-opt=split). The values read back must be the values of that moment:
# accumulators changed since the last write to the frame, registers a helper
# wrote (a different type), exits and exceptions right after a call, and
# calls in inlined functions and on side paths (a released object's
# finalizer at the loop's back-edge).
import gc


class Noisy:
    count = 0

    def __del__(self):
        Noisy.count += 1


def float_acc_nested(rows):
    # The float accumulator and x, y are changed in the inner loop; the
    # outer loop calls helpers (append, a generic call) with them live.
    out = []
    grand = 0.0
    for row in rows:
        total = 0.0
        for x, y in zip(row[:-1], row[1:]):
            total += x * y
        out.append(total)
        grand += total + len(out)
        out.append(str(grand)[:6])
    return grand, total, x, y, out[-4:]


def int_bool_across_calls(n):
    acc = 0
    flag = False
    count = 0
    seen = []
    for i in range(n):
        for j in range(4):
            acc += i * j
            flag = not flag
            count += flag
        seen.append(acc % 7)
        if flag:
            seen.append(-1)
        acc -= len(seen)
    return acc, flag, count, sum(seen)


def opaque(v):
    return v


def type_changes_after_call(n):
    # `v` is a float in the inner loop; a call the JIT does not inline
    # (through a builtin) sometimes makes it a str, an int or None.
    res = []
    v = 0.5
    for i in range(n):
        for k in range(3):
            v = v * 1.5 + k
        if i % 97 == 13:
            v = "s%d" % i
            res.append(v)
            v = float(len(v))
        elif i % 89 == 5:
            v = max(i, 3)
            res.append(v)
        elif i % 101 == 7:
            v = opaque(None)
            res.append(v)
            v = 1.0
        v = v % 1000.0
    return v, res[-6:]


def exception_right_after_call(n):
    total = 0.0
    hits = 0
    d = {}
    for i in range(n):
        for k in range(3):
            total += 0.25 * k + i
        try:
            d[i % 10]  # raises KeyError in a helper while total is unsaved
        except KeyError:
            hits += 1
            d[i % 10] = total
            total -= 1.0
    return total, hits, sorted(d.items())[:3]


def exit_after_call(n):
    # The loop leaves (break, return) right after helper calls.
    t = 1.0
    m = 3
    for i in range(n):
        for k in range(5):
            t = t * 1.0001 + k
            m = (m * 7 + k) % 1000003
        s = str(m)
        if len(s) == 1:
            return "early", t, m, i
        if i == n - 3:
            break
    return t, m, s


def poly(a, b):
    # Inlined into the loops below: its own locals live across the
    # helper calls it makes.
    r = 0.0
    for k in range(3):
        r = r * a + b
        if k == 1:
            r += len(str(k))
    return r


def inlined_callee_calls(n):
    total = 0.0
    xs = []
    for i in range(n):
        x = i * 0.5
        total += poly(x, 1.25)
        xs.append(int(total) % 5)
    return total, sum(xs)


def finalizers_at_backedge(n):
    # Releasing Noisy objects queues finalizers; they run at the back-edge
    # (a call on a side path) while t and c are live.
    t = 0.0
    c = 0
    keep = None
    for i in range(n):
        keep = Noisy()
        for k in range(4):
            t += k * 0.5
            c += k
        if i % 500 == 0:
            gc.collect()
    keep = None
    return t, c, Noisy.count > 0


def locals_see_frame(n):
    # locals() reads the frame: the saved copies are not the frame.
    acc = 0.5
    snap = None
    for i in range(n):
        for k in range(2):
            acc += k
        if i == n // 2:
            snap = sorted((k, v) for k, v in locals().items() if k in ("acc", "i"))
    return acc, snap


rows = [[(i * 7 + j) % 13 * 0.5 for j in range(6)] for i in range(400)]
print(float_acc_nested(rows))
print(int_bool_across_calls(3000))
print(type_changes_after_call(3000))
print(exception_right_after_call(2500))
print(exit_after_call(2500))
print(inlined_callee_calls(3000))
print(finalizers_at_backedge(3000))
print(locals_see_frame(3000))
