# namedtuple field descriptors' repr; deque's maxlen argument checks (CPython's messages).
import collections
P = collections.namedtuple('P', 'x y')
print(repr(P.__dict__['x']), repr(P.y))
for m in (1.5, 'a', -1, 2**70, True, None, 3):
    try:
        print(collections.deque([1, 2, 3], maxlen=m))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
