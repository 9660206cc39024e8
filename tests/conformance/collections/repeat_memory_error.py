# Repetitions that could never fit in memory raise MemoryError (the
# allocation used to abort the process).
for expr in ("[0] * 10 * 2**33", "(0,) * 10 * 2**33", "'ab' * 2**40", "b'ab' * 2**40", "bytearray(b'ab') * 2**40"):
    try:
        r = eval(expr)
        print(expr, len(r))
    except MemoryError:
        print(expr, "MemoryError")
    except OverflowError as e:
        print(expr, "OverflowError", e)
s = [0] * 10
try:
    s *= 2**33
except MemoryError:
    print('MemoryError')
print(len(s))
b = bytearray(b"ab")
try:
    b *= 2**39
except MemoryError:
    print("MemoryError", len(b))
