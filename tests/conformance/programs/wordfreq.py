# The benchmark program of the same name at its small size: the JIT must
# give exactly CPython's output on whole programs too.
"""Word frequencies: builds a large text from a vocabulary of made-up words
(letters drawn from a linear congruential generator, some capitalised,
some followed by punctuation), then counts the words with a dict after
str.lower / str.split / str.strip, and ranks them by frequency. Stresses
string creation, str methods, dict get/set with string keys and sorting
with a key function.

Size: number of words in the text.
"""
import sys

VOCABULARY_SIZE = 5000
WORDS_PER_LINE = 12
LETTERS = "etaoinshrdlcumwfgypbvkjxqz"
PUNCTUATION = ",.;:!?"


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return self.state >> 8


def make_vocabulary(rng, size):
    words = []
    for _ in range(size):
        length = 2 + rng.next() % 9
        # Skew towards the first letters, like English text.
        word = "".join(LETTERS[(rng.next() % 26) * (rng.next() % 26) // 25]
                       for _ in range(length))
        words.append(word)
    return words


def make_text(rng, vocabulary, count):
    lines = []
    line = []
    n = len(vocabulary)
    for i in range(count):
        # The product of two uniform draws makes low indices far more common.
        index = (rng.next() % n) * (rng.next() % n) // n
        word = vocabulary[index]
        r = rng.next() % 100
        if r < 8:
            word = word.capitalize()
        elif r < 10:
            word = word.upper()
        if r % 9 == 0:
            word += PUNCTUATION[r % len(PUNCTUATION)]
        line.append(word)
        if len(line) == WORDS_PER_LINE:
            lines.append(" ".join(line))
            line = []
    if line:
        lines.append(" ".join(line))
    return "\n".join(lines)


def count_words(text):
    counts = {}
    for line in text.split("\n"):
        for token in line.lower().split():
            word = token.strip(PUNCTUATION)
            if word:
                counts[word] = counts.get(word, 0) + 1
    return counts


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    rng = Lcg(2024)
    vocabulary = make_vocabulary(rng, VOCABULARY_SIZE)
    text = make_text(rng, vocabulary, count)
    counts = count_words(text)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    digest = 0
    for word, n in ranked:
        digest = (digest * 131 + n) % 1000000007
        for ch in word[:3]:
            digest = (digest * 131 + ord(ch)) % 1000000007
    top = ranked[0]
    print("checksum: %d,%d,%s:%d,%d" % (len(text), len(counts), top[0], top[1], digest))


main()
