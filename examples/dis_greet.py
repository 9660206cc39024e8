"""Python's execution model, step 2: code is compiled to bytecode. Prints
the bytecode Spry runs for a call of `greet` compiled from a string: Spry's
register bytecode (the listing `spry --dis` prints), not CPython's stack
bytecode.

Run: spry examples/dis_greet.py
"""
import dis


def greet(name):
    return f'Hello, {name}!'


compiled_code = compile('greet("World")', '<string>', 'exec')
dis.dis(compiled_code)
