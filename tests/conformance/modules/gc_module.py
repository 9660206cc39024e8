# gc: collect() frees cycles, enable/disable/isenabled, thresholds and counts.
import gc

print("enabled by default:", gc.isenabled())
gc.disable()
print("after disable:", gc.isenabled())
gc.enable()
print("after enable:", gc.isenabled())

class Node:
    def __init__(self):
        self.other = None

def make_cycles():
    for _ in range(100):
        a, b = Node(), Node()
        a.other, b.other = b, a
make_cycles()
n = gc.collect()
print("collect returns an int:", isinstance(n, int), n >= 0)
print("second collect finds nothing new:", gc.collect() == 0)
print("collect(generation):", isinstance(gc.collect(0), int), isinstance(gc.collect(2), int))
try:
    gc.collect(3)
except ValueError as e:
    print(type(e).__name__, e)
print("threshold:", len(gc.get_threshold()), "count:", len(gc.get_count()))
print("is_tracked:", gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked("s"))
print("garbage list:", gc.garbage)
gc.disable()
lst = []
for i in range(10000):
    x = []
    x.append(x)
print("still disabled:", gc.isenabled())
gc.enable()
print("stats entries:", len(gc.get_stats()), sorted(gc.get_stats()[0]))
