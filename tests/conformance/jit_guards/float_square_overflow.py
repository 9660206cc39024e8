# `x ** 2` on floats is compiled as a multiplication, but `**` raises
# OverflowError where `*` gives inf (and inf ** 2 is inf without error).
z = 0.1
for i in range(3):
    try:
        z = 1e308 ** 2
    except OverflowError as e:
        print(i, e)
print(z)


def squares(xs):
    out = []
    for x in xs:
        try:
            out.append(x ** 2)
        except OverflowError as e:
            out.append(str(e))
        out.append(x * x)
    return out


vals = [1.5, -2.0, 1e150, 1e155, -1e200, float("inf"), float("-inf"), 3.0]
for _ in range(5):
    r = squares(vals)
print(r)
print(squares([float("nan")]))
