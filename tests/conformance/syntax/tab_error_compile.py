# Mixed tabs and spaces: TabError (a subclass of IndentationError) with
# CPython's offsets; consistent tabs compile. (Not here: a tab after spaces
# in one indentation, which CPython accepts when every line agrees and
# rustpython-parser's lexer always rejects.)
sources = [
    'def f():\n\tx = 1\n        return x\n',
    'def f():\n        x = 1\n\treturn x\n',
    'if True:\n\tx = 1\n        y = 2\n',
    'def f():\n\tx = 1\n\treturn x\n',
]
for src in sources:
    try:
        compile(src, 'f', 'exec')
        print('ok')
    except SyntaxError as e:
        print(type(e).__name__, isinstance(e, IndentationError), repr(e.msg), e.lineno, e.offset, repr(e.text),
              e.end_lineno, e.end_offset)
