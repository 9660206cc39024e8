def f(x):
    try:
        pass
    except* ValueError:
        return "a" + repr(x)
