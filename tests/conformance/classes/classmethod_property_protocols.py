# @classmethod stacked on @property (CPython 3.9-3.12 chains the descriptors); typing.Protocol:
# no instantiation, issubclass() of protocols with data members, runtime checks.
import typing
class A:
    _n = 5
    @classmethod
    @property
    def n(cls):
        return cls._n * 2
class B(A):
    _n = 7
print(A.n, B.n, A().n)
class P(typing.Protocol):
    def m(self): ...
try:
    P()
except TypeError as e:
    print(e)
class Impl(P):
    def m(self): return 1
print(Impl().m())
@typing.runtime_checkable
class HasX(typing.Protocol):
    x: int
try:
    issubclass(int, HasX)
except TypeError as e:
    print(e)
class Q:
    x = 1
print(isinstance(Q(), HasX))
class SizedP(typing.Protocol):
    def __len__(self): ...
@typing.runtime_checkable
class SizedR(typing.Protocol):
    def __len__(self): ...
print(isinstance([], SizedR), issubclass(list, SizedR), isinstance(1, SizedR), issubclass(int, SizedR))
try:
    isinstance([], SizedP)
except TypeError as e:
    print(e)
try:
    issubclass(1, SizedR)
except TypeError as e:
    print(e)
class WithInit(SizedR):
    def __init__(self, v):
        self.v = v
    def __len__(self): return self.v
class Plain(SizedR):
    def __len__(self): return 3
print(len(WithInit(4)), len(Plain()), isinstance(WithInit(1), SizedR))
class Base:
    def __init__(self, a):
        self.a = a
class Mixed(Base, SizedR):
    def __len__(self): return self.a
print(len(Mixed(6)))
try:
    SizedR()
except TypeError as e:
    print(e)
print(isinstance(typing.SupportsInt, type), isinstance(3, typing.SupportsInt), isinstance("x", typing.SupportsInt))
