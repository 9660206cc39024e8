# A call result that is an instance at every call but the last of each walk,
# where it is None: the next node of a chain kept in a dict, walked longer
# than the JIT threshold, so the profile saw only instances when the loop
# was compiled. `lazyinst` does not guard the result's type at the call (the
# loop's own `is not None` tests it): the loop is compiled once. (A guard
# there failed at the end of every walk, and after 64 failures the loop was
# compiled again.)
class Node:
    def __init__(self, v):
        self.v = v


def build(n):
    nodes = [Node(i) for i in range(n)]
    nxt = {}
    for a, b in zip(nodes, nodes[1:]):
        nxt[a] = b
    return nodes[0], nxt


def walk(head, nxt):
    total = 0
    node = head
    while node is not None:
        total += node.v
        node = nxt.get(node)
    return total


head, nxt = build(3000)
s = 0
for r in range(100):
    s += walk(head, nxt)
print(s)
