def f():
    raise ValueError("inner")
def g():
    excs = []
    for i in range(3):
        try:
            f() if i != 1 else int("x")
        except Exception as e:
            e.add_note(f"note {i}")
            excs.append(e)
    raise ExceptionGroup("many", excs)
try:
    g()
except* TypeError:
    pass
