"""Python's execution model, step 1: source text becomes an abstract syntax
tree. Prints the tree of a small function exactly as CPython 3.11's
`ast.dump(tree, indent=4)` does.

Run: spry examples/ast_greet.py   (same output as python3.11)
"""
import ast

tree = ast.parse("def greet(name):\n    return f'Hello, {name}!'")
print(ast.dump(tree, indent=4))
