# itertools edge cases: reprs, argument errors, laziness, re-iteration, keyword arguments, subclassing.
import itertools as it

print(repr(it.count()), repr(it.count(5)), repr(it.count(2, 3)), repr(it.count(1.5, 0.5)), repr(it.repeat("a")), repr(it.repeat(1, 3)))
c = it.count(10)
next(c); next(c)
print("count advanced:", c)
print("count big ints:", list(it.islice(it.count(2 ** 63 - 2), 4)))
print("repeat length hint:", it.repeat(0, 4).__length_hint__(), len(list(it.repeat(0, -3))))
print("keywords:", list(it.islice(it.count(start=3, step=2), 3)), list(it.repeat(object="x", times=2)), list(it.accumulate(iterable=[1, 2], func=lambda a, b: a * 10 + b)))
print("combinations r=0/r>n:", list(it.combinations([1, 2], 0)), list(it.combinations([1, 2], 3)), list(it.permutations([], 0)), list(it.permutations([])))
print("cwr empty:", list(it.combinations_with_replacement([], 0)), list(it.combinations_with_replacement([], 2)))
print("product repeat 0:", list(it.product("ab", repeat=0)))
for bad in [lambda: it.count("a"), lambda: it.permutations([1], -1), lambda: it.combinations([1], -2), lambda: it.product([1], repeat=-1),
            lambda: it.islice([], 1, 2, 0), lambda: it.islice([], "x"), lambda: it.islice([]), lambda: it.repeat(), lambda: it.chain(1).__next__(),
            lambda: it.starmap(len, [1]).__next__(), lambda: it.zip_longest([1], fill=0), lambda: it.cycle(5)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
src = iter(range(10))
print("islice leaves the rest:", list(it.islice(src, 2, 5)), next(src))
ch = it.chain([1], [2, 3])
print("chain type:", type(ch).__name__, type(ch).__module__, isinstance(ch, it.chain), list(ch), list(ch))
print("chain.from_iterable lazy:", list(it.islice(it.chain.from_iterable(it.repeat([1, 2])), 5)))
print("accumulate initial only:", list(it.accumulate([], initial=None)), list(it.accumulate([1, 2, 3], initial=100)))
print("dropwhile all:", list(it.dropwhile(lambda x: True, [1, 2])), list(it.takewhile(lambda x: False, [1, 2])))
print("zip_longest no args:", list(it.zip_longest()), list(it.zip_longest([], [])))
print("pairwise short:", list(it.pairwise([])), list(it.pairwise([1, 2])))
print("compress shorter selectors:", list(it.compress("abcde", [1, 1])))
print("filterfalse None:", list(it.filterfalse(None, [0, "", None, 3, "x"])))
class MyCount(it.count):
    pass
mc = MyCount(7)
print("subclass:", type(mc).__name__, next(mc), next(mc), isinstance(mc, it.count))
g = it.groupby([1, 1, 2, 3, 3, 3], key=lambda v: v % 2)
print("groupby key:", [(k, list(v)) for k, v in g])
a, b = it.tee(it.count(), 2)
print("tee independent:", [next(a) for _ in range(3)], next(b))
print("nested products:", sum(1 for _ in it.product(range(4), repeat=4)), len(list(it.permutations("abcde", 3))))
