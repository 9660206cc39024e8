d = {"a": 1, "b": 2, "c": 3}
del d["b"]
d["z"] = 26
print(list(reversed(d)), list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())))
for it in [reversed(d), reversed(d.keys()), reversed(d.values()), reversed(d.items()), reversed([1]), reversed((1,)), reversed("ab"), reversed(range(3))]:
    print(type(it).__name__)
it = reversed(d)
next(it)
d["new"] = 1
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)
it = reversed({})
print(list(it))
total = 0
for i in range(3000):
    dd = {j: j for j in range(i % 7)}
    for k in reversed(dd):
        total += k
    for k, v in reversed(dd.items()):
        total += v
print(total)
