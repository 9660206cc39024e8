# float(str) for plain decimal text (parsed directly) and everything else.
good = ["12.5", "0", "-0.0", "+1.5", "1e5", "1E5", "1e-5", "1e+5", ".5", "5.", "  7.25\n", "\t-3\t",
        "1e400", "-1e400", "1e-400", "123456789012345678901234567890", "0.1", "00012", "1_000.5",
        "inf", "-Infinity", "nan", "+NaN", "1.7976931348623157e308", "4.9e-324", "٣.٥"]
for t in good:
    f = float(t)
    print(repr(t), f, f.hex() if f == f and f not in (float("inf"), float("-inf")) else "-")
bad = ["", " ", ".", "e5", "1e", "1.5e+", "+-1", "-+1", "--1", "++1", "1.2.3", "1e5e5", "1-2", "0x10",
       "1_", "_1", "1__0", "1e_5", "+", "-", "infx", "1 2", "1.5f", "e", "E"]
for t in bad:
    try:
        float(t)
        print(repr(t), "parsed?!")
    except ValueError as e:
        print(e)
class F(str):
    pass
print(float(F("2.5")), float(F(" -1e3 ")), float(b"3.5"))
