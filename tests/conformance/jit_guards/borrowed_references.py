# Registers that hold counted copies of an object another register keeps
# (a method's self, an operator's operands, copied variables, the inlined
# callee's parameters) drop them without a last-reference check in
# compiled code: the object must still be freed exactly when its last
# reference goes, even when the register it was borrowed from is
# overwritten while the copy is alive.
freed = []


class Obj:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        freed.append(self.n)

    def get(self):
        return self.n

    def pair(self, other):
        return self.n + other.n

    def __add__(self, other):
        return Obj(self.n + other.n)

    def swap_self(self, other):
        # The parameter is rebound: the original self is dropped here.
        self = other
        return self.n


def run(rounds):
    total = 0
    for i in range(rounds):
        a = Obj(i)
        b = Obj(-i)
        total += a.get() + a.pair(b)
        # The receiver's variable is rebound while its method runs
        # (walrus in an argument): the method's self keeps the old object.
        total += a.pair(a := Obj(i * 2))
        # An operator's operand whose variable is the result register.
        a = a + b
        total += a.n
        c = a
        a = None
        total += c.swap_self(b)
        del c
        del b
    return total


before = len(freed)
print(run(3000))
# Every object made in the loop is gone: 3000 rounds x 4 objects.
print(len(freed) - before)
print(sorted(freed)[:3], sorted(freed)[-3:])


# The object dies at the moment the last counted copy goes, inside a hot
# loop (a copy in another variable keeps it alive until then).
class Node:
    def __init__(self, v):
        self.v = v

    def val(self):
        return self.v

    def __del__(self):
        deaths.append(self.v)


deaths = []


def watch():
    count = 0
    for k in range(2000):
        n = Node(k)
        m = n
        count += m.val() + n.val()
        n = None
        alive_after_one = not deaths or deaths[-1] != k
        m = None
        if alive_after_one and deaths[-1] == k:
            count += 1
    return count


print(watch(), len(deaths), deaths[:3], deaths[-1])
