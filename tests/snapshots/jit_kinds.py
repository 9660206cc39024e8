class P:
    def __init__(self, x):
        self.x = x


class Q:
    def __init__(self, v):
        self.v = v


ps = [P(float(i)) for i in range(4)]
qs = [Q(1.5), Q(2.5)]
s = 0.0
for i in range(30000):
    for p in ps:
        s += p.x
    if i == 20000:
        qs[1].v = "late"
print(s, qs[1].v)
