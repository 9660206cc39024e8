# dir() of builtin types and of user classes lists what CPython's does:
# the builtin types' descriptors (int.real, range.start, function.__code__,
# type.__mro__, ...), __class__/__doc__ from object, and a class statement's
# __dict__/__weakref__ (not with __slots__, not __weakref__ over int/tuple/
# bytes/set). Also the dunders that were missing: __rdivmod__,
# float.__getformat__, bytes.__bytes__, complex.__complex__/__getnewargs__,
# __class_getitem__ of the containers, and no __radd__ on sequences.
import types


def gen():
    yield 1


class A:
    def f(self):
        pass


objs = {
    'int': int, 'float': float, 'str': str, 'bytes': bytes, 'bytearray': bytearray, 'list': list, 'tuple': tuple,
    'dict': dict, 'set': set, 'frozenset': frozenset, 'bool': bool, 'complex': complex, 'range': range, 'slice': slice,
    'object': object, 'type': type, 'function': types.FunctionType, 'generator': types.GeneratorType,
    'module': types.ModuleType, 'A': A, 'A()': A(), 'None': None, 'property': property,
    'BaseException': BaseException, 'ValueError': ValueError, 'method': types.MethodType, '5': 5, 'gen()': gen(),
}
for k, o in objs.items():
    print(k, dir(o))

print(sorted(A.__dict__.keys() - {'__dict__', '__weakref__'}))


class B(A):
    __slots__ = ()


class C:
    __slots__ = ('a',)


class D:
    __slots__ = ('__dict__',)


class E(Exception):
    pass


class I(int):
    pass


class T(tuple):
    pass


class F(frozenset):
    pass


for k in (A, B, C, D, E, I, T, F):
    print(k.__name__, [n for n in ('__dict__', '__weakref__', '__class__', '__doc__') if n in dir(k)])

print((7).__rdivmod__(100), divmod(100, 7), (2.0).__rdivmod__(7.5), True.__rdivmod__(5))
print(float.__getformat__('double'), float.__getformat__('float'))
try:
    float.__getformat__('half')
except ValueError as e:
    print('ValueError', e)
print(b'ab'.__bytes__(), type(b'ab'.__bytes__()).__name__)
print((1 + 2j).__complex__(), (1 + 2j).__getnewargs__(), complex(3).__getnewargs__())
print(list.__class_getitem__(int), tuple[int, ...], dict[str, list[int]], set.__class_getitem__(str), frozenset[int])


class L(list):
    pass


print(L[int], type(L[int]).__name__)
print([hasattr(t, '__radd__') for t in (str, bytes, bytearray, list, tuple, int, float, complex)])


class S(str):
    pass


class R:
    def __radd__(self, o):
        return ('radd', o)


print('x' + S('y'), S('y') + 'x', type('x' + S('y')).__name__, [1] + L([2]), type(L([1]) + [2]).__name__)
print('a' + R(), [1] + R(), (1,) + R(), b'x' + R())
for a, b in [('a', 1), ([1], (2,)), (b'x', 'y')]:
    try:
        a + b
    except TypeError as e:
        print('TypeError', e)
