# deque methods' argument errors as CPython's: PyArg_ParseTuple counts for index
# and insert, the clinic form for rotate, slice-index errors.
from collections import deque
d = deque([1, 2, 3])
for call in [lambda: d.index(), lambda: d.index(1, 2, 3, 4), lambda: d.insert(1), lambda: d.insert(), lambda: d.insert(1, 2, 3),
             lambda: d.rotate(1, 2), lambda: d.count(), lambda: d.remove(), lambda: d.append(), lambda: d.extend(),
             lambda: d.index(9), lambda: d.index(1, 'a'), lambda: d.pop(1), lambda: d.copy(1), lambda: d.clear(1), lambda: d.reverse(1)]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
