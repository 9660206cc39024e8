# int() and float() of non-ASCII decimal digits: every Unicode 14.0 (CPython 3.11) Nd digit,
# the supplementary planes' included.
count = total = 0
for c in range(0x80, 0x110000):
    ch = chr(c)
    if 0xD800 <= c < 0xE000:
        continue
    try:
        v = int(ch)
    except ValueError:
        continue
    count += 1
    total += v * (c % 7 + 1)
    assert int(ch + ch) == 11 * v and float(ch) == v, hex(c)
print(count, total)
print(int('\U0001D7CE\U0001D7CF'), int(' \u0661\u0662 '), float('\U0001D7D0.5'), int('\U0001E950\U0001E959', 16))
