# The benchmark program of the same name at its small size: the JIT must
# give exactly CPython's output on whole programs too.
"""Pancake flipping over permutations of 0..9, generated in the order of
Heap's algorithm: for each one, keep reversing the first k+1 items, where k
is the first item, until 0 comes first; track the most flips and an
alternating sum of flip counts. Stresses list indexing, swaps and small
integer loops.

Size: how many permutations to examine (at most 10! = 3628800).
"""
import sys

LENGTH = 10


def count_flips(perm):
    stack = list(perm)
    flips = 0
    top = stack[0]
    while top != 0:
        lo = 0
        hi = top
        while lo < hi:
            stack[lo], stack[hi] = stack[hi], stack[lo]
            lo += 1
            hi -= 1
        flips += 1
        top = stack[0]
    return flips


def fannkuch(n, limit):
    perm = list(range(n))
    counters = [0] * n
    most = count_flips(perm)
    checksum = most
    seen = 1
    i = 1
    while i < n and seen < limit:
        if counters[i] < i:
            if i % 2 == 0:
                perm[0], perm[i] = perm[i], perm[0]
            else:
                j = counters[i]
                perm[j], perm[i] = perm[i], perm[j]
            flips = count_flips(perm)
            if flips > most:
                most = flips
            if seen % 2 == 0:
                checksum += flips
            else:
                checksum -= flips
            seen += 1
            counters[i] += 1
            i = 1
        else:
            counters[i] = 0
            i += 1
    return checksum, most, seen, perm


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    checksum, most, seen, last = fannkuch(LENGTH, limit)
    tag = 0
    for x in last:
        tag = tag * 10 + x
    print("checksum: %d,%d,%d,%d" % (checksum, most, seen, tag))


main()
