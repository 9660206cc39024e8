# The benchmark program of the same name at its small size: the JIT must
# give exactly CPython's output on whole programs too.
"""Bookkeeping of the everyday kind: builds keys with f-strings and
%-formatting, updates dicts keyed by strings and by tuples, nested dict
records, string methods (join, split, replace, upper, startswith, find),
and formats a report at the end. Stresses string creation and hashing, and
dict lookup, insertion and iteration.

Size: number of events processed.
"""
import sys

CITIES = ["oslo", "lima", "cairo", "perth", "quito", "turku", "dakar", "hanoi"]
KINDS = ["view", "click", "buy", "refund"]


def make_event(i):
    h = (i * 1103515245 + 12345) % 2147483648
    user = "u%04d" % ((h >> 4) % 3000)
    city = CITIES[(h >> 12) % len(CITIES)]
    kind = KINDS[(h >> 16) % len(KINDS)]
    amount = (h >> 20) % 1000 / 10.0
    return f"{user};{city};{kind};{amount:.1f}"


def summarize(count):
    users = {}
    by_city_kind = {}
    hourly = {}
    log = []
    digest = 0
    for i in range(count):
        line = make_event(i)
        user, city, kind, amount_text = line.split(";")
        amount = float(amount_text)
        record = users.get(user)
        if record is None:
            record = {"events": 0, "spent": 0.0, "cities": {}}
            users[user] = record
        record["events"] += 1
        if kind == "buy":
            record["spent"] += amount
        elif kind == "refund":
            record["spent"] -= amount / 2
        record["cities"][city] = record["cities"].get(city, 0) + 1
        key = (city, kind)
        by_city_kind[key] = by_city_kind.get(key, 0) + 1
        slot = (i // 1000, kind[0])
        hourly[slot] = hourly.get(slot, 0) + len(line)
        log.append(f"{i:06d} {kind.upper():<6} {user}@{city.title()}")
        if len(log) == 64:
            block = "\n".join(log)
            digest = (digest * 131 + len(block) + block.count("BUY") * 7
                      + block.find("@Lima")) % 1000000007
            log = []
    return users, by_city_kind, hourly, digest


def report(users, by_city_kind, hourly, digest):
    lines = []
    for (city, kind), n in sorted(by_city_kind.items()):
        lines.append("%s/%s=%d" % (city, kind, n))
    top = sorted(users.items(), key=lambda item: (-item[1]["spent"], item[0]))[:25]
    for name, record in top:
        favourite = max(sorted(record["cities"]), key=lambda c: record["cities"][c])
        lines.append(f"{name}:{record['events']}:{record['spent']:.2f}:{favourite}")
    text = ",".join(lines).replace("/", "_")
    for key in sorted(hourly):
        digest = (digest * 31 + hourly[key]) % 1000000007
    for ch in text:
        digest = (digest * 131 + ord(ch)) % 1000000007
    return len(users), len(text), digest


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    n_users, length, digest = report(*summarize(count))
    print("checksum: %d,%d,%d" % (n_users, length, digest))


main()
