# Nested loops whose inner loop gets hot first: the compiled nest is later
# entered at the inner loop's header from the interpreter (first outer
# iteration of each call). Types change between calls, so the entry's
# guards must fail and the interpreter's answer stand.


def nest(n, m, scale):
    total = 0
    for i in range(n):
        acc = 0
        for j in range(m):
            acc += (i * j) % 7 * scale
        total += acc
    return total


for k in range(40):
    s = 1 if k < 25 else (1.5 if k < 32 else 2**70)
    print(k, nest(4, 300, s))


def nest_while(limit):
    out = []
    i = 0
    while i < limit:
        j = 0
        word = ""
        while j < 200:
            if j == 150 and i == 3:
                break
            word = "ab"[(i + j) % 2]
            j += 1
        else:
            out.append((i, j, word))
        i += 1
    return out


for k in range(12):
    print(nest_while(5))


class Noisy:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("del", self.tag)


def temps(rounds):
    seen = 0
    for r in range(rounds):
        x = Noisy(r)
        del x
        for q in range(400):
            seen += q % 3
    return seen


for k in range(6):
    print(temps(2))


def gen_nest(n):
    for i in range(n):
        t = 0
        for j in range(300):
            t += j ^ i
        yield t


for k in range(8):
    print(sum(gen_nest(3)))


def three_deep(n):
    c = 0.0
    for a in range(n):
        for b in range(20):
            for d in range(30):
                c += (a + b * d) % 5 / 4
    return c


for k in range(6):
    print(three_deep(3 + k))
