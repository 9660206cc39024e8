# classmethod/staticmethod: repr <classmethod(f)>, argument errors, subclasses.
def f(x): return x
for t in (classmethod, staticmethod):
    print(repr(t(1)), repr(t(len)), repr(t(None)), repr(t("s")))
    r = repr(t(f))
    print(r[:len(t.__name__) + 12], r.endswith(")>"))
    for a, k in [((), {}), ((1, 2), {}), ((f,), {"x": 1})]:
        try:
            t(*a, **k)
        except TypeError as e:
            print("TypeError", e)
class C:
    @classmethod
    def m(cls): return cls.__name__
    @staticmethod
    def s(): return 5
print(C.m(), C.s(), C().m(), C().s())
print(repr(C.__dict__['s']).startswith("<staticmethod(<function C.s at"))
class S(staticmethod): pass
print(repr(S(1)))
