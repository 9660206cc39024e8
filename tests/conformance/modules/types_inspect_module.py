# types and inspect: type objects, SimpleNamespace, new_class, MappingProxyType, predicates, getmembers, cleandoc.
import types
import inspect

def f():
    pass
def g():
    yield 1
class C:
    def m(self):
        pass
print("FunctionType:", isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType))
print("MethodType:", isinstance(C().m, types.MethodType), types.MethodType(lambda self: self, 5)())
print("GeneratorType:", isinstance(g(), types.GeneratorType), isinstance(f.__code__, types.CodeType))
print("ModuleType:", isinstance(types, types.ModuleType), types.ModuleType("mymod").__name__)
ns = types.SimpleNamespace(a=1, b="x")
ns.c = 3
print("SimpleNamespace:", ns, ns.a, ns == types.SimpleNamespace(a=1, b="x", c=3))
mp = types.MappingProxyType({"k": 1})
print("MappingProxyType:", mp["k"], len(mp), "k" in mp, list(mp.items()))
try:
    mp["k"] = 2
except TypeError as e:
    print(type(e).__name__, e)
Dyn = types.new_class("Dyn", (C,), {}, lambda ns: ns.update({"x": 10}))
print("new_class:", Dyn.__name__, Dyn.x, issubclass(Dyn, C))
print("NoneType/EllipsisType:", types.NoneType is type(None), types.EllipsisType is type(...))
print("GenericAlias:", list[int], dict[str, list[int]], list[int].__origin__, list[int].__args__, list[int] == list[int])
print("isinstance with GenericAlias origin:", isinstance([], list[int].__origin__))

print("inspect predicates:", inspect.isfunction(f), inspect.isclass(C), inspect.ismethod(C().m), inspect.isgeneratorfunction(g), inspect.isgenerator(g()), inspect.ismodule(types), inspect.isbuiltin(len))
print("getmembers:", [n for n, v in inspect.getmembers(C) if not n.startswith("__")])
print("cleandoc:", repr(inspect.cleandoc("""
    First line
      indented
    last
    """)))
def documented():
    """   Summary.

        Details here.
    """
print("getdoc:", repr(inspect.getdoc(documented)))
