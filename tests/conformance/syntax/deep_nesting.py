import ast, sys
src = "+".join(["1"] * 5000)
try:
    compile(src, "<s>", "eval")
except RecursionError as e:
    print("compile:", e)
try:
    ast.parse(src)
except RecursionError as e:
    print("ast:", e)
try:
    exec("def f():\n    return " + src)
except RecursionError as e:
    print("exec:", e)
print(eval("+".join(["1"] * 500)))
sys.setrecursionlimit(2000)
print(eval("+".join(["1"] * 4000)))
sys.setrecursionlimit(1000)
# Far deeper than the limit: an error, not a crash of the compiler.
for src in ["+".join(["1"] * 200000), "-" * 20000 + "1", "a" + ".b" * 100000]:
    try:
        compile(src, "<deep>", "eval")
    except (RecursionError, MemoryError) as e:
        print(type(e).__name__ in ("RecursionError", "MemoryError"))
