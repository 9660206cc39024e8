# An iterator the loop walks is also advanced inside the loop body (through
# next(), a helper function, or a nested loop over the same iterator).
it = iter(range(3000))
out = 0
for x in it:
    out += x
    if x % 3 == 0:
        next(it, None)
print(out)

def skip(i, n):
    for _ in range(n):
        next(i, None)

lst = list(range(4000))
it2 = iter(lst)
total = 0
for y in it2:
    total += y
    if y % 7 == 0:
        skip(it2, 2)
print(total)

it3 = iter(list(range(2000)))
pairs = 0
for a in it3:
    for b in it3:
        pairs += a * b
        if b % 10 == 0:
            break
print(pairs)

r = iter(range(0, 10**6, 7))
s = 0
for v in r:
    if v > 20000:
        break
    s += v
print(s, next(r))
