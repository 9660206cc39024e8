# object.__subclasshook__ exists (NotImplemented), and the ABC machinery still decides.
import abc, collections.abc
class Plain:
    pass
print(hasattr(object, "__subclasshook__"), Plain.__subclasshook__(), Plain.__subclasshook__(int), "__subclasshook__" in dir(object))
class Base(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return hasattr(C, "quack") or NotImplemented
class Duck:
    def quack(self): pass
print(issubclass(Duck, Base), issubclass(int, Base), isinstance(Duck(), Base))
print(issubclass(list, collections.abc.Sequence), issubclass(int, collections.abc.Hashable), isinstance([], collections.abc.Iterable))
class MyABC(abc.ABC):
    pass
MyABC.register(int)
print(issubclass(int, MyABC), issubclass(str, MyABC), MyABC.__subclasshook__(int))
