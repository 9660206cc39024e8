# re after an empty match: the next match may start at the same place if it is not
# empty (Python 3.7+ semantics; sre's must_advance).
import re
for c in [r"re.sub('x*', '-', 'abxc')", r"re.split(r'\s*', 'a b  c')", r"re.findall(r'\d*', 'a12b')", r"re.sub(r'(?m)^', '> ', 'a\nb')", r"re.split(r'(?=[A-Z])', 'HelloWorldFoo')",
 r"re.findall('a*?', 'aa')", r"re.sub('|a', '-', 'aa')", r"re.findall(r'\b|\w+', 'ab cd')", r"re.sub(r'a|(?=b)', 'X', 'ab')", r"re.findall(r'(?=a)|a', 'aa')"]:
    print(c, '->', repr(eval(c)))
