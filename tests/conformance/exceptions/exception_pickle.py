# Exceptions pickle and copy with their arguments and attributes
# (BaseException.__reduce__/__setstate__; OSError keeps its file names).
import copy
import pickle

e = ValueError("bad 3")
print(e.__reduce__())
x = pickle.loads(pickle.dumps(e))
print(repr(x), x.args)


class E(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.extra = 1


y = pickle.loads(pickle.dumps(E(1, 2)))
print(repr(y), y.extra)
z = KeyError('k')
z.note = 5
print(pickle.loads(pickle.dumps(z)).__dict__, z.__reduce__())
try:
    raise KeyError("q")
except KeyError as ex:
    print(ex.__dict__, copy.copy(ex).args, pickle.loads(pickle.dumps(ex)).args)
ex2 = OSError(2, "No such file", "f.txt")
back = pickle.loads(pickle.dumps(ex2))
print(type(back).__name__, back.errno, back.filename, back)
print(OSError(2, "x", "f").__reduce__(), OSError(1, "y").__reduce__(), OSError(2, "a", "b", None, "c").__reduce__())


class K(Exception):
    def __init__(self, *, kw):
        super().__init__()


try:
    pickle.loads(pickle.dumps(K(kw=1)))
except TypeError as e:
    print(e)
s = Exception()
s.__setstate__({'a': 1})
print(s.a)
for bad in [1, [1]]:
    try:
        s.__setstate__(bad)
    except TypeError as e:
        print(e)
try:
    s.__setstate__()
except TypeError as e:
    print(e)
