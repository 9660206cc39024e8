# sorted()/list.sort() with key=len (the length taken without a call per item): order,
# stability, reverse, and len's errors.
words = ("the quick brown fox jumps over the lazy dog and runs far away " * 50).split()
print(sorted(words, key=len)[:8], sorted(words, key=len, reverse=True)[:8])
l = list(words)
l.sort(key=len)
print(l[:3], l[-3:], l == sorted(words, key=len))
print(sorted([[1, 2], (3,), "ab", b"", {1: 2, 3: 4, 5: 6}, range(5)], key=len))
class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __repr__(self):
        return "Sized(%d)" % self.n
print(sorted([Sized(3), Sized(1), Sized(2)], key=len))
for bad in ([1, 2], [Sized(-1)], ["a", None]):
    try:
        sorted(bad, key=len)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
