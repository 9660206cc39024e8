# `except ... as err` (its `del err` clears dead temporaries) and `finally`
# in a function compiled whole whose handlers run compiled (`catch`): the
# states of the cleared temporaries must not be trusted afterwards.
class E(Exception):
    code = 400
class M(E):
    code = 422
def handle(i, stats):
    try:
        if i % 5 == 0:
            raise M(i)
        if i % 7 == 0:
            raise E(i)
        if i % 11 == 0:
            raise KeyError(i)
        value = i
    except M as err:
        stats["m"] = stats.get("m", 0) + 1
        return -err.code
    except E as err:
        stats["e"] = stats.get("e", 0) + 1
        return -err.code
    except KeyError:
        stats["k"] = stats.get("k", 0) + 1
        raise
    else:
        stats["ok"] = stats.get("ok", 0) + 1
        return value
    finally:
        stats["seen"] = stats.get("seen", 0) + 1
def main():
    stats = {}
    t = 0
    for i in range(5000):
        try:
            t += handle(i, stats)
        except KeyError:
            t += 1
    print(t, sorted(stats.items()))
main()
