# Bases whose instance layouts cannot be combined, and nonempty __slots__
# over int, bytes and tuple: TypeError as in CPython.
cases = ['class Q(int, str): pass', 'class Q(list, dict): pass', 'class Q(int, float): pass', 'class Q(int, Exception): pass',
         'class Q(ValueError, KeyError): pass', 'class Q(OSError, ValueError): pass', 'class Q(list, object): pass',
         'class A(int): pass\nclass B(str): pass\nclass Q(A, B): pass', 'class A(list): pass\nclass Q(A, list): pass',
         'class Q(tuple, list): pass', 'class Q(bytes, str): pass', 'class Q(dict, set): pass', 'class Q(OSError, SyntaxError): pass',
         'class A: __slots__ = ("a",)\nclass B: __slots__ = ("b",)\nclass Q(A, B): pass', 'class Q(int):\n    __slots__ = ("a",)']
for c in cases:
    try:
        exec(c, {})
        print('ok')
    except TypeError as e:
        print('TypeError', e)
