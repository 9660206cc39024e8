# keyword, reprlib and getopt.
import keyword
import reprlib
import getopt

print(keyword.iskeyword("for"), keyword.iskeyword("print"), keyword.issoftkeyword("match"), len(keyword.kwlist), keyword.kwlist[:5])
print(reprlib.repr(list(range(100))))
print(reprlib.repr("x" * 100))
print(reprlib.repr({i: i for i in range(10)}))

class Tree:
    def __init__(self):
        self.children = [self]
    @reprlib.recursive_repr()
    def __repr__(self):
        return "Tree(%r)" % (self.children,)
print(Tree())

opts, args = getopt.getopt(["-a", "-b", "val", "--long=5", "rest"], "ab:", ["long="])
print(opts, args)
try:
    getopt.getopt(["-z"], "ab:")
except getopt.GetoptError as e:
    print(type(e).__name__, e, e.opt)
print(getopt.gnu_getopt(["x", "-a", "y"], "a"))
