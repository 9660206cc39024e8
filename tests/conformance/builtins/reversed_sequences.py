# reversed() of lists (that shrink or grow while iterated), tuples,
# ranges, strs and a class with __len__ and __getitem__; __length_hint__.
l = [1, 2, 3, 4, 5]
it = reversed(l)
print(next(it), next(it))
l.pop(); l.pop(); l.pop()
print(list(it))
l.extend([9, 9, 9, 9])
print(list(it))
l = [1, 2, 3]
it = reversed(l)
print(next(it)); l.append(7); print(list(it))
t = (1, 2, 3)
print(list(reversed(t)), list(reversed(())), list(reversed([])))
it = reversed([1, 2]); print(list(it), list(it))
print(it.__length_hint__() if hasattr(it, "__length_hint__") else "nohint")
it = reversed([1, 2, 3]); next(it); print(it.__length_hint__())
print(list(reversed(range(5))), list(reversed("abc")))
class S:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 10
print(list(reversed(S())))
import copy
it = reversed([1, 2, 3]); next(it)
print(sum(reversed(list(range(100)))))
