# Names that `del` or the end of `except ... as name` may have unbound are
# read with a check after a loop back-edge, in handlers, `finally` and
# after a suppressing `with` (UnboundLocalError, not an Undef value).
def f():
    e = None
    try:
        1 / 0
    except ZeroDivisionError as e:
        pass
    try:
        print(e)
    except NameError as x:
        print('unbound', type(x).__name__)


def g():
    x = 1
    for i in range(2):
        try:
            print(x)
        except UnboundLocalError as err:
            print("ULE", err)
        x = 5 if i == 5 else None
        if i == 0:
            del x
    try:
        print(x)
    except UnboundLocalError as err:
        print("ULE", err)


def h():
    y = 1
    try:
        del y
        raise ValueError
    except ValueError:
        try:
            print(y)
        except UnboundLocalError as err:
            print("ULE", err)
    z = 2
    try:
        try:
            del z
            raise KeyError
        finally:
            try:
                print(z)
            except UnboundLocalError as err:
                print("ULE", err)
    except KeyError:
        pass


def w():
    import contextlib
    v = 1
    with contextlib.suppress(ZeroDivisionError):
        del v
        1 / 0
    try:
        print(v)
    except UnboundLocalError as err:
        print("ULE", err)
    k = 0
    while k < 3:
        k += 1
        try:
            print(q)
        except UnboundLocalError as err:
            print("ULE", err)
        q = k
        if k == 1:
            del q


f(); g(); h(); w()
