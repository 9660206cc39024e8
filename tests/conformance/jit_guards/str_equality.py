# `==` and `!=` between strs in compiled code: the same object, different
# lengths and different computed hashes decide without comparing texts;
# otherwise the texts are compared. An operand that is not an exact str
# (None, an int, a str subclass with its own __eq__) must behave as in the
# interpreter, at a site that has only seen strs so far and after.

WORK = "work"
DEVICE = "device"


class Loud(str):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = str.__hash__


def kinds(n):
    words = ["view", "click", "buy", "refund", "buy", "vi" + "ew", "".join(["b", "u", "y"])]
    counts = {"view": 0, "click": 0, "buy": 0, "refund": 0, "other": 0}
    for i in range(n):
        w = words[i % len(words)]
        if w == "buy":
            counts["buy"] += 1
        elif w == "view":
            counts["view"] += 1
        elif w != "refund" and w != "click":
            counts["other"] += 1
        elif "click" == w:
            counts["click"] += 1
        else:
            counts["refund"] += 1
    return counts


def globals_compare(n):
    packets = [WORK, DEVICE, "wo" + "rk", "devic" + "e", "work!"[:4], "x"]
    hits = [0, 0, 0]
    for i in range(n):
        k = packets[i % len(packets)]
        if k == WORK:
            hits[0] += 1
        elif k == DEVICE:
            hits[1] += 1
        if k != WORK and k != DEVICE:
            hits[2] += 1
    return hits


def hashed_and_not(n):
    # Equal texts, one hashed (a dict key) and one not; same length,
    # different texts with and without hashes.
    a = "".join(["ab", "cd"])
    b = "".join(["a", "bcd"])
    c = "".join(["ab", "ce"])
    d = {a: 1}
    total = 0
    for i in range(n):
        if i == n // 2:
            hash(b)
            hash(c)
        total += (a == b) + 2 * (a == c) + 4 * (b != c) + 8 * (c == "abce")
    return total, d[b]


def mixed_operands(n):
    items = ["buy"] * 50 + [None, 3, "buy", Loud("zzz"), b"buy", "buy", 2.5, "BUY", ""]
    out = []
    for i in range(n):
        x = items[i % len(items)]
        out.append((x == "buy", x != "buy", "buy" == x))
    return out.count((True, False, True)), out[50:59]


def unicode(n):
    words = ["caf\u00e9", "cafe", "caf\u00e8", "\u00e9t\u00e9", "\U0001f600", "\ud800x"]
    total = 0
    for i in range(n):
        w = words[i % len(words)]
        total += (w == "caf\u00e9") + 2 * (w == "\U0001f600") + 4 * (w != "cafe") + 8 * (w == "\ud800x")
    return total


def empty(n):
    total = 0
    for i in range(n):
        s = "" if i % 3 else "a"
        total += (s == "") + (s != "") * 10
    return total


print(kinds(3000))
print(globals_compare(3000))
print(hashed_and_not(3000))
print(mixed_operands(3000))
print(unicode(3000))
print(empty(3000))
