# A nest entered at its inner loop's header (the interpreter got there after
# leaving the compiled code at an exception) empties the dead temporaries; a
# temporary the header knows holds a number (from the outer body's code
# before the inner loop) must hold one again, as the code after the inner
# loop writes only its payload (`print(k, acc)` printed `<NULL> 0`).


def g():
    acc = 0
    k = 0
    while k < 3:
        k += 1
        try:
            acc += 1 // 0
        except ZeroDivisionError:
            pass
        if k == 3:
            acc = 2.5
        if k == 0:
            continue
        j = 0
        while j < k:
            j += 1
        print(k, acc)


g()

for k in range(3):
    try:
        1 // (k - 1)
    except ZeroDivisionError:
        pass
    for j in range(5):
        if j > k:
            break
print(k, j)


def h(n):
    out = []
    x = 0.5
    flag = True
    for i in range(n):
        try:
            if i % 4 == 1:
                raise ValueError(i)
        except ValueError:
            x = x * 2
        if i == -1:
            continue
        s = 0
        while s < i % 5:
            s += 1
        out.append((i, x, flag, s, i * 0.25, i > 3))
        flag = not flag
    return out


print(h(12))
