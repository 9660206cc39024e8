class P:
    def __init__(self, x):
        self.x = x


def grow(p, out, n):
    for i in range(n):
        p.x = p.x + 1.5
        out.append(p.x)
    return out


print(grow(P(0.5), [], 6))
