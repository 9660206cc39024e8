e = ValueError("x")
e.add_note("first note")
e.add_note("multi\nline")
raise e
