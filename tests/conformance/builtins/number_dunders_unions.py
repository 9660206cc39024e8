# Operator methods of numbers called directly, as CPython's slot wrappers:
# NotImplemented for an operand of a higher or foreign type, their argument
# errors; `list[int] | None` is a types.UnionType; date.isocalendar()'s repr;
# datetime.fromisoformat with one separator character before the offset.
import datetime
import types
import typing

print((1).__radd__(2.5), (1).__add__(2.5), (1.5).__add__(2), (1).__truediv__(2.0), True.__add__(1),
      (2).__mul__('ab'), (1j).__add__(1), (2.0).__rpow__(3))


class I(int):
    pass


class F(float):
    pass


print(I(1) + 2.5, 2.5 + I(1), I(2) * 'ab', 'ab' * I(2), F(1.5) + 1, 1 + F(1.5), I(3) / 2, type(I(1) + I(2)).__name__)
try:
    I(1) + 'x'
except TypeError as e:
    print('TypeError', e)
print(sum([I(1), 2.5, F(0.5)]), divmod(I(7), 2.0), pow(I(2), 0.5))
for call in (lambda: (1).__add__(), lambda: (1).__add__(1, 2), lambda: (1).__lt__(), lambda: (1).__add__(x=1)):
    try:
        call()
    except TypeError as e:
        print('TypeError', e)

T = typing.TypeVar('T')
u = list[int] | None
print(u, type(u) is types.UnionType, u == (list[int] | None), hash(u) == hash(list[int] | None), u.__args__)
print(list[int] | list[int], int | list[int] | str, None | dict[str, int])
print(list[int] | T, type(list[int] | T).__name__)
print(typing.get_args(u), typing.get_origin(u) is types.UnionType, typing.Optional[list[int]] == u)
try:
    isinstance([], u)
except TypeError as e:
    print('TypeError', e)


def f(x: list[int] | None = None) -> dict[str, int] | None:
    pass


print(typing.get_type_hints(f))
print({int | None: 1, (int | None): 2, list[int] | None: 3, (list[int] | None): 4})

d = datetime.date(2024, 1, 1)
print(repr(d.isocalendar()), d.isocalendar().week, tuple(d.isocalendar()))
for s in ['2024-01-01T12:30:45 +01:00', '2024-01-01T12:30:45  +01:00', '2024-01-01T12:30:45 ', '2024-01-01T12:30 +01:00',
          '2024-01-01T12:30:45.5 +01:00', '2024-01-01T12:30:45 Z', '2024-01-01T12:30:45\t+01:00', '2024-01-01T12 +01',
          '2024-01-01 12:30:45 -05:00', '2024-01-01T12:30:45x+01:00', '2024-01-01T12:30:+01:00',
          '2024-01-01T12:30:45.123456+01:00', '2024-01-01T12:30:45,5']:
    try:
        print(repr(s), datetime.datetime.fromisoformat(s))
    except ValueError as e:
        print(repr(s), 'ValueError', e)
for s in ['12:30:45 +01:00', '12:30:45 ', '12:30:45.25']:
    try:
        print(repr(s), datetime.time.fromisoformat(s))
    except ValueError as e:
        print(repr(s), 'ValueError', e)
