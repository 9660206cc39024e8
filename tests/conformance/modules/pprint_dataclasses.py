# pprint breaks dataclasses over lines as CPython (it recognises the
# dataclass __repr__ by its wrapped __create_fn__ function).
import pprint
from dataclasses import dataclass, field
@dataclass
class C:
    name: str
    items: list
    hidden: int = field(default=0, repr=False)
@dataclass
class N:
    c: C
    d: dict
pprint.pprint(C("x", list(range(30))), width=40)
pprint.pprint(N(C('y', [1, 2]), {'a': list(range(12)), 'b': 'z' * 30}), width=30)
print(C.__repr__.__qualname__, C.__repr__.__wrapped__.__qualname__, C.__repr__.__name__)
c = C('r', []); c.items.append(c); print(c)
