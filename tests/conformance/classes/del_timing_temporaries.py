# Objects made as temporaries die when CPython frees them: a method
# called on a fresh object releases it when the call is done (the
# register that held it is cleared), and other temporaries go as the
# expression completes.
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
    def val(self): return self.n
    def __add__(self, o): return self.n + o
    def __getitem__(self, i): return self.n
    def __eq__(self, o): return self.n == o
    def __hash__(self): return 1
    def __bool__(self): return True
    def __iter__(self): return iter([1])

def make(n): return D(n)

def f():
    a = make(1).val(); print("1 method")
    b = make(2).n; print("2 attr")
    c = make(3) + 1; print("3 binop")
    d = make(4)[0]; print("4 subscript")
    e = len(str(make(5))); print("5 builtin arg")
    g = make(6) == 6; print("6 compare")
    if make(7): print("7 if")
    print("7 after if")
    h = [make(8)][0].n; print("8 list item")
    i = {make(9): 1}; del i; print("9 dict")
    for _ in make(10): pass
    print("10 for")
    j = not make(11); print("11 not")
    k = (make(12), 1)[1]; print("12 tuple")
    m = make(13).val; print("13 bound"); del m; print("13b")
    make(14); print("14 expr stmt")
    n = make(15) is None; print("15 is")
f()
