try:
    raise ExceptionGroup("outer", [ExceptionGroup("inner", [KeyError("k"), ValueError(2)]), OSError(3)])
except* ValueError:
    raise RuntimeError("from handler")
