try:
    raise ValueError("naked")
except* ValueError as e:
    raise TypeError("in handler") from e
