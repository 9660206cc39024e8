# The benchmark program of the same name at its small size: the JIT must
# give exactly CPython's output on whole programs too.
"""Digits of pi from a streaming spigot: the state is a linear fractional
transformation x -> (q*x + r) / t held as three big integers; each step
composes it with the next term of the series pi = sum (k! / (2k+1)!!) * 2,
and a digit is emitted once the lower and upper bounds agree. Stresses
arbitrary-precision multiply, add and floor division.

Size: number of digits.
"""
import sys


def pi_digits(count):
    q, r, t = 1, 0, 1
    k = 0
    digits = []
    while len(digits) < count:
        # Absorb the next term: x -> (k*x + 2*(2k+1)) / (2k+1).
        k += 1
        odd = 2 * k + 1
        r = (2 * q + r) * odd
        q = q * k
        t = t * odd
        # Emit every digit that is already certain.
        while q <= r and len(digits) < count:
            low = (3 * q + r) // t
            high = (4 * q + r) // t
            if low != high:
                break
            digits.append(low)
            q = 10 * q
            r = 10 * (r - low * t)
    return digits


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    digits = pi_digits(count)
    digest = 0
    for d in digits:
        digest = (digest * 10 + d) % 1000000007
    tail = "".join(str(d) for d in digits[-12:])
    print("checksum: %d,%d,%s" % (sum(digits), digest, tail))


main()
