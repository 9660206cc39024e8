# A loop long enough for its code, compiled on the compiler thread
# (`--jit-opt=+background`), to be installed and entered while it runs.
def total(n):
    s = 0
    i = 0
    while i < n:
        s += i * i % 7
        i += 1
    return s


print(total(3_000_000))
