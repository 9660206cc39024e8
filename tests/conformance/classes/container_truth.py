# The truth of container subclasses: builtin containers have no __bool__
# (their truth is their __len__), so a subclass's own __len__ decides.


class L(list):
    def __len__(self):
        return 0


class D(dict):
    def __len__(self):
        return 0


class S(str):
    def __len__(self):
        return 0


class B(list):
    def __bool__(self):
        return False


class Plain(list):
    pass


for x in (L([1]), D(a=1), S("x"), B([1]), Plain(), Plain([0])):
    print(type(x).__name__, bool(x), "yes" if x else "no", not x, len(x))

for t in (list, dict, str, tuple, set, frozenset, bytes, bytearray, int, float, complex, bool, range):
    print(t.__name__, hasattr(t, "__bool__"), hasattr(t, "__len__"))


class Neg(list):
    def __len__(self):
        return -1


class Weird(list):
    def __len__(self):
        return "3"


class BadBool(list):
    def __bool__(self):
        return 1


for cls in (Neg, Weird, BadBool):
    try:
        print(bool(cls([1])))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


def hot(n):
    # a loop that sees exact lists, then subclasses with their own __len__
    count = 0
    for i in range(n):
        x = [i] if i < n // 2 else (L([i]) if i % 2 else Plain([i]))
        if x:
            count += 1
        if not x:
            count += 100
    return count


print(hot(400))
