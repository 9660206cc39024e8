# The benchmark program of the same name at its small size: the JIT must
# give exactly CPython's output on whole programs too.
"""A lazy pipeline of generator functions and generator expressions: a
pseudo-random source, take, filter and map stages, sliding pairs, batching
into chunks, sorting each chunk, flattening with `yield from`, a running
total, and sum() over a generator expression. Stresses generator creation,
resumption and suspension through many nested frames.

Size: number of values drawn from the source.
"""
import sys


def random_source(seed):
    state = seed
    while True:
        state = (state * 1103515245 + 12345) % 2147483648
        yield state >> 4


def take(count, iterable):
    if count <= 0:
        return
    for i, value in enumerate(iterable):
        yield value
        if i + 1 >= count:
            return


def pairs(iterable):
    iterator = iter(iterable)
    try:
        previous = next(iterator)
    except StopIteration:
        return
    for value in iterator:
        yield previous, value
        previous = value


def chunks(iterable, size):
    batch = []
    for value in iterable:
        batch.append(value)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def flatten(batches):
    for batch in batches:
        yield from batch


def running_total(iterable):
    total = 0
    for value in iterable:
        total += value
        yield total


def pipeline(count):
    numbers = take(count, random_source(7))
    small = (n % 10000 for n in numbers)
    kept = (n for n in small if n % 3 != 0)
    mapped = (n // 2 if n % 2 == 0 else 3 * n + 1 for n in kept)
    gaps = (b - a for a, b in pairs(mapped))
    ordered = (sorted(batch) for batch in chunks(gaps, 16))
    digest = 0
    steps = 0
    for total in running_total(flatten(ordered)):
        digest = (digest * 31 + total) % 1000000007
        steps += 1
    squares = sum(x * x for x in take(count // 4, random_source(11)) if x % 2)
    return steps, digest, squares % 1000000007


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    steps, digest, squares = pipeline(count)
    print("checksum: %d,%d,%d" % (steps, digest, squares))


main()
