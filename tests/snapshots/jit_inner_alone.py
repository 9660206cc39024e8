# A nest whose inner loop runs long in the outer loop's first iterations
# (sieve's marking loop): it gets hot again before the nest is compiled and
# is compiled alone; the nest is compiled without an entry at its header.
def mark(n, flags):
    i = 2
    while i * i <= n:
        if flags[i]:
            for m in range(i * i, n + 1, i):
                flags[m] = False
        i += 1
    return sum(flags)


total = 0
for r in range(4):
    flags = [True] * 100001
    flags[0] = flags[1] = False
    total += mark(100000, flags)
print(total)
