# unicodedata.numeric, digit and decomposition: CPython 3.11's answers
# (Unicode 14.0.0) over the whole code space (checksummed), a sample
# printed, and the argument errors.
import sys
import unicodedata as u


def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))


num_count = 0
num_sum = 0.0
dig_count = 0
dig_sum = 0
dec_count = 0
dec_hash = 0
for cp in range(sys.maxunicode + 1):
    c = chr(cp)
    v = u.numeric(c, None)
    if v is not None:
        num_count += 1
        num_sum += v * ((cp % 7) + 1)
    d = u.digit(c, None)
    if d is not None:
        dig_count += 1
        dig_sum += d * cp
    s = u.decomposition(c)
    if s:
        dec_count += 1
        for ch in s:
            dec_hash = (dec_hash * 31 + ord(ch)) % 1000000007
print('numeric', num_count, repr(num_sum))
print('digit', dig_count, dig_sum)
print('decomposition', dec_count, dec_hash)

for c in '0789\u00b2\u00bd\u2155\u2160\u216b\u3405\u5146\u4e07\u0f33\U00012432\U0001d7ce\u2460\u00bc\u0bf1\U0001ec71\U0001f10c\u1369':
    print('U+%04X' % ord(c), u.numeric(c, None), u.digit(c, None), u.decimal(c, None))
for c in 'a\u00e9\u00c5\u1e9b\ufb01\u2460\uff21\U0001d400\u3300\u00bd\uac00\u0344\u2126\U0002f800\u00a0\u0f77\ufdfa':
    print('U+%04X %r' % (ord(c), u.decomposition(c)))

for f in [lambda: u.numeric('a'), lambda: u.numeric('a', 5), lambda: u.numeric('ab'), lambda: u.numeric(1),
          lambda: u.numeric(), lambda: u.numeric('1', '2', '3'), lambda: u.numeric(c='1'), lambda: u.digit('a'),
          lambda: u.digit('ab'), lambda: u.digit(None), lambda: u.digit('x', None), lambda: u.decomposition('ab'),
          lambda: u.decomposition(1), lambda: u.decomposition(), lambda: u.decomposition('a', 1)]:
    show(f)
