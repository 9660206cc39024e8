# The benchmark program of the same name at its small size: the JIT must
# give exactly CPython's output on whole programs too.
"""Counts the placements of n non-attacking queens on an n x n board by
backtracking over rows, with lists of flags for the occupied columns and
diagonals, and hashes every solution in the order found; does so for every
board size from 1 to n. Stresses recursion, method calls, attribute access,
list indexing and boolean tests.

Size: n, the largest board size.
"""
import sys

MOD = 1000000007


class Board:
    def __init__(self, n):
        self.n = n
        self.columns = [False] * n
        self.falling = [False] * (2 * n - 1)   # indexed by row + col
        self.rising = [False] * (2 * n - 1)    # indexed by row - col + n - 1
        self.queens = [0] * n
        self.solutions = 0
        self.digest = 0

    def record(self):
        self.solutions += 1
        h = self.digest
        for col in self.queens:
            h = (h * 31 + col + 1) % MOD
        self.digest = h

    def place(self, row):
        n = self.n
        if row == n:
            self.record()
            return
        for col in range(n):
            f = row + col
            r = row - col + n - 1
            if self.columns[col] or self.falling[f] or self.rising[r]:
                continue
            self.queens[row] = col
            self.columns[col] = self.falling[f] = self.rising[r] = True
            self.place(row + 1)
            self.columns[col] = self.falling[f] = self.rising[r] = False


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    total = 0
    digest = 0
    for size in range(1, n + 1):
        board = Board(size)
        board.place(0)
        total += board.solutions
        digest = (digest * 7 + board.digest) % MOD
    print("checksum: %d,%d,%d" % (board.solutions, total, digest))


main()
