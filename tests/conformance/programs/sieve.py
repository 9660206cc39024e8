# The benchmark program of the same name at its small size: the JIT must
# give exactly CPython's output on whole programs too.
"""Sieve of Eratosthenes over a list of flags, run ten times with slightly
different limits. Stresses list stores in a range loop and list
comprehensions.

Size: the largest limit.
"""
import sys

ROUNDS = 10


def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = False
    is_prime[1] = False
    i = 2
    while i * i <= limit:
        if is_prime[i]:
            for multiple in range(i * i, limit + 1, i):
                is_prime[multiple] = False
        i += 1
    return [n for n in range(limit + 1) if is_prime[n]]


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    count = 0
    mix = 0
    for r in range(ROUNDS):
        primes = sieve(max(limit - 97 * r, 2))
        count += len(primes)
        mix = (mix * 7 + primes[-1] + primes[len(primes) // 2]) % 1000000007
    total = 0
    for p in primes:
        total += p
    print("checksum: %d,%d,%d" % (count, mix, total))


main()
