u = [1]
try:
    u * 0.5
except TypeError as e: print(e)
try:
    u *= 0.5
except TypeError as e: print(e)
t = (1,)
try:
    t *= 0.5
except TypeError as e: print(e)
s = "a"
try:
    s *= 0.5
except TypeError as e: print(e)
class I:
    def __index__(self): return 2
l = [1, 2]
l *= I()
print(l)
class R:
    def __rmul__(self, o): return "rmul"
l = [1]
l *= R()
print(l)
print([1,2].__imul__(True), [3].__imul__(I()))
class L(list): pass
q = L([1])
try:
    q *= 0.5
except TypeError as e: print(e)
q *= 3
print(q, type(q).__name__)
try:
    [1].__imul__(2**70)
except OverflowError as e: print(e)
