# Where compile() places invalid-syntax errors: the whole offending name or
# keyword is marked (offset .. end_offset), and a generator expression
# that shares a call's parentheses with other arguments is refused.
cases = [
    "x = 0; with y: pass",
    "for in x: pass",
    "return return",
    "a b",
    "class A pass",
    "def f(x):\n    x = 0; while x: pass",
    "f(a for a in b, c)",
    "f(c, a for a in b)",
    "f((a for a in b), c)",
    "f(a for a in b)",
    "f(x=1, *(a for a in b))",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print("ok:", repr(src))
    except SyntaxError as e:
        print("SyntaxError:", e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset), repr(src))
