# A traceback through a generator that list() runs to its end.
def parse(items):
    for item in items:
        yield int(item)

def load(rows):
    return list(parse(rows))

print(load(["1", "2"]))
print(load(["3", "x", "4"]))
