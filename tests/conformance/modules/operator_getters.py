# operator.itemgetter / attrgetter: reprs, errors, multiple keys, dotted paths, use as sort keys.
import operator as op

g = op.itemgetter(1)
print(g, repr(op.itemgetter(0, "k", slice(1, 2))), type(g).__name__, type(g).__module__)
print(g("abc"), op.itemgetter(0, 2)([5, 6, 7]), op.itemgetter("a")({"a": 9}))
a = op.attrgetter("real", "imag")
print(a, a(3 + 4j), op.attrgetter("__class__.__name__")(5))
for bad in [lambda: op.itemgetter(), lambda: op.attrgetter(), lambda: op.attrgetter(1), lambda: op.itemgetter(5)([1]),
            lambda: op.itemgetter(0)(), lambda: op.itemgetter(0)([1], [2]), lambda: op.attrgetter("nope")(1), lambda: op.itemgetter("x")({})]:
    try:
        print(bad())
    except (TypeError, IndexError, AttributeError, KeyError) as e:
        print(type(e).__name__, e)
rows = [("b", 2, 1.5), ("a", 2, 0.5), ("c", 1, 9.0)]
print(sorted(rows, key=op.itemgetter(1, 0)), max(rows, key=op.itemgetter(2)))
class P:
    def __init__(self, n, age):
        self.n, self.age = n, age
    def __repr__(self):
        return self.n
print(sorted([P("x", 3), P("y", 1), P("z", 2)], key=op.attrgetter("age")))
print(op.itemgetter(1).__reduce__()[1], op.__doc__.splitlines()[0])
print(op.methodcaller("upper")("abc"), repr(op.methodcaller("split", ",", maxsplit=1)))
