# A builtin method call consumes its receiver and argument temporaries:
# an object only they held is freed (and its __del__ runs) right after
# the call, in compiled loops as in the interpreter and CPython.
class Obj:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def lists():
    bag = []
    for i in range(4):
        bag.append(Obj(i))
        print("appended", i)
        bag.clear()
        print("cleared", i)


def dicts():
    d = {}
    for i in range(4):
        d.setdefault("k", Obj(10 + i))
        print("setdefault", i)
        d.pop("k")
        print("popped", i)
        v = d.get("missing", Obj(20 + i))
        print("got", i, v.n)
        v = None
        print("dropped", i)


def sets():
    s = set()
    for i in range(4):
        s.discard(Obj(30 + i))
        print("discarded", i)


def receiver():
    for i in range(4):
        # The receiver is a temporary list holding the only reference.
        n = [Obj(40 + i)].count(None)
        print("counted", i, n)


def raising():
    bag = []
    for i in range(4):
        try:
            bag.remove(Obj(50 + i))
        except ValueError as e:
            print("error", i, e)


lists()
dicts()
sets()
receiver()
raising()
