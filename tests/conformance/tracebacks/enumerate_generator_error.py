# An uncaught exception raised inside a generator that enumerate() drives
# from a for loop: the traceback runs through the loop and the generator.
def values(n):
    for i in range(n):
        if i == 2:
            raise ValueError("no more values at %d" % i)
        yield i


def consume():
    total = 0
    for i, v in enumerate(values(5)):
        total += i * v
        print("step", i, v)
    return total


print(consume())
