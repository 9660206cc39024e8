# CPython's tokenizer limits: 200 open brackets, 100 indentation levels
# (strings and comments do not count), and the JSON decoder's recursion message.
for src in ["x = " + "("*201 + ")"*201, "x = " + "("*200 + ")"*200, "x = [" + "{"*199 + "}"*199 + "]", "s = \"(((\"\n" + "y = " + "("*201 + ")"*201, "s = '" + "("*300 + "'", "# " + "["*300 + "\nx = 1"]:
    try:
        compile(src, "<s>", "exec"); print("ok")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset, e.end_offset)
for n in (99, 100, 101):
    src = "x=1\nif x:\n" + "".join(" "*i + "if x:\n" for i in range(1,n)) + " "*n + "pass\n"
    try:
        compile(src, "<s>", "exec"); print("ok")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
try:
    eval("("*1000 + ")"*1000)
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset)
import json
for text in ["[" * 100000 + "]" * 100000, '{"a":' * 100000 + "1" + "}" * 100000]:
    try:
        json.loads(text)
    except RecursionError as e:
        print(type(e).__name__, e)
print(json.loads("[" * 50 + "]" * 50) == eval("[" * 50 + "]" * 50))
