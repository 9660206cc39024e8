# for loops over range(...) inside hot code: the iterator is made directly
# from int arguments; every other argument kind and the errors behave as
# range() does.


def inner(n, step):
    t = 0
    for j in range(n, -n, step):
        t += j
    return t


def driver(m):
    out = 0
    for i in range(m):
        out += inner(i % 7, -1 - i % 3)
        for k in range(i % 5):
            out += k
        for k in range(3, i % 11, 2):
            out -= k
    return out


def zero_step(m):
    caught = 0
    for i in range(m):
        s = 1 if i % 50 else 0
        try:
            for k in range(0, 10, s):
                caught += k
        except ValueError as e:
            caught += 1000
            msg = str(e)
    return caught, msg


def odd_arguments(m):
    t = 0
    big = 2 ** 70
    for i in range(m):
        for k in range(True, 3):
            t += k
        for k in range(big, big + 2):
            t += k - big
        try:
            for k in range(1.5):
                t += 1
        except TypeError as e:
            msg = str(e)
    return t, msg


def loop_var_after(m):
    last = None
    for i in range(m):
        for k in range(i % 4):
            last = k
    return last, k


print(driver(3000))
print(zero_step(3000))
print(odd_arguments(3000))
print(loop_var_after(3000))
