# Short strs are stored inside the object (up to 22 bytes of UTF-8); texts
# at and around that limit, ASCII or not, must behave the same as long ones.
samples = []
for n in range(18, 27):
    samples.append("x" * n)
    samples.append("é" * (n // 2))
    samples.append("a" * (n - 4) + "日")
    samples.append("a" * (n - 4) + "😀")
for s in samples:
    t = "".join(list(s))
    u = s[:len(s) // 2] + s[len(s) // 2:]
    print(len(s), len(s.encode()), s == t, s is t, hash(s) == hash(t) == hash(u), s[-1], s[:3], s.upper()[-2:], repr(s)[:6])
d = {s: i for i, s in enumerate(samples)}
print(all(d["".join(list(s))] == i for i, s in enumerate(samples)), len(d))
print(sorted(samples)[:3], max(samples), min(samples))
print("".join(samples).count("é"), ",".join(samples[:5]))
print([s.find("日") for s in samples[:8]], [s.encode()[-2:] for s in samples[:4]])
print(f"{'abc':>22}|{'é' * 11}|{'x' * 23}|", "%-22s|" % "short")
print(str(12345678901234567890123), str(-1.5e300), repr("a\nb"), ascii("é" * 12))
