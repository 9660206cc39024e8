# List indexes in compiled loops: negative ones (normalised on a cold
# path), out of range on both sides, huge ints, bools, all storage kinds.
def f(lst, idxs):
    out = []
    for i in idxs:
        try:
            out.append(lst[i])
            lst[i] = lst[i] + 1
        except IndexError as e:
            out.append(str(e))
    return out
big = 2**62
idxs = list(range(-12, 12)) * 20 + [big, -big, 2**63 - 1, -(2**63), True, False]
print(f(list(range(10)), idxs)[-60:])
print(f([1.5] * 7, idxs)[-40:])


def g(lst, idxs):
    out = []
    for i in idxs:
        try:
            out.append(lst[i])
            lst[i] = (lst[i], i)
        except IndexError as e:
            out.append(str(e))
    return out


print(g([None, "a", 3], [-3, -4, 2, 3, -1] * 50)[-12:])
