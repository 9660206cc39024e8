# The ValueError messages of int() on text that is not a number.
cases = ["x", "12a", "\ud800", " 7 z", "0x", "é", "", "  ", "1_", "'q'", '"', "a'b\"c", "1.5"]
for s in cases:
    try:
        int(s)
    except ValueError as e:
        print(e)
for b in [0, 2, 8, 10, 16, 36]:
    try:
        int("zz!", b)
    except ValueError as e:
        print(e)
for x in [b"xy", b"1 2"]:
    try:
        int(x)
    except ValueError as e:
        print(e)
try:
    int("0b12", 0)
except ValueError as e:
    print(e)
