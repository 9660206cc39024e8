# Fixed-point formatting of floats ('.Nf', '%.Nf', f-strings, format(),
# str.format): exact rounding of the binary value, half to even on ties.
import math, random, hashlib

ties = [0.125, 0.375, 2.5, 3.5, 0.5, 1.5, 4503599627370495.5, 2251799813685247.5,
        1e-250, 1e-300, 5e-324, 0.005, 0.015, 0.025, 1.0000000000000002, 999.9995, 9.995]
for v in ties:
    print(v, [format(v, '.%df' % p) for p in (0, 1, 2, 3, 5)], format(-v, '.2f'), '%.1f' % v)
for v in (0.0, -0.0, -1e-9, 1e15 + 0.3, 2.0 ** 52, 2.0 ** 60, 1e22, 1e23, 123.456):
    print(f"{v:.3f}|{v:.0f}|{v:10.2f}|{v:+.1f}|{v:z.2f}|{v:,.2f}|{v:.22f}|{v:.25f}|{v:#.0f}")

random.seed(7)
lines = []
for _ in range(3000):
    p = random.randrange(0, 23)
    k = random.randrange(0, 10 ** random.randrange(1, 16))
    v = (k + 0.5) / 10 ** p
    for w in (v, math.nextafter(v, 0), math.nextafter(v, 1e300), -v, k / 2 ** random.randrange(0, 30)):
        lines.append(format(w, '.%df' % p))
        lines.append('%.*f' % (p, w))
        lines.append('{:.{}f}'.format(w, p))
print(len(lines), lines[:6], hashlib.md5('\n'.join(lines).encode()).hexdigest())

# format() and str.format with other simple specs.
for x in (0, 7, -42, 10 ** 20, 3.25, -0.5, float('inf'), float('nan'), 'abc', True):
    print(format(x), format(x, ''), '{}|{!r}|{:>6}|{:<6}|{:^7}'.format(x, x, x, x, x))
for x in (1234567, -9876.5):
    print(format(x, ','), format(x, '_'), format(x, '>12,'), '{:010}'.format(x), '{:+}'.format(x))
print(format(255, 'x'), format(255, '#o'), '{:08b}'.format(5), format(3.0, 'g'), format(1e-7, '.2e'))
class F(float):
    def __format__(self, spec):
        return "F(" + spec + ")"
print(format(F(1.5), '.2f'), '{:.1f}'.format(F(2)), f'{F(3):.3f}')
try:
    format(1.5, 'd')
except ValueError as e:
    print('ValueError', e)
try:
    '{:.2f}'.format('s')
except ValueError as e:
    print('ValueError', e)
