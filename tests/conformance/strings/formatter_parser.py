# string.Formatter().parse (_string.formatter_parser): escaped braces end a literal chunk,
# CPython's error messages.
import string
f = string.Formatter()
for t in ['a{{b', '}}x', '{', 'a{', '{x', 'a{{{x}b}}', '{{}}', '{0!r:>{1}}', 'x{a[1]}y{b.c!s}', '{}{}', '', 'plain', '}', 'a}b', '{{']:
    try:
        print(repr(t), list(f.parse(t)))
    except ValueError as e:
        print(repr(t), 'ValueError', e)
print(f.format('a{{b}}{0}', 5), '{{x}} {0:>{1}}'.format('y', 4), string.Template('$a').substitute(a=1))
