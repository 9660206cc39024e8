# Syntax errors of async code, as compile() reports them (message and line).
cases = [
    "await x",
    "def f():\n  await x",
    "async def f():\n  yield from x",
    "async def f():\n  yield 1\n  return 2",
    "def f():\n  async for x in y: pass",
    "def f():\n  async with x: pass",
    "async for x in y: pass",
    "def f():\n  [x async for x in y]",
    "def f():\n  [await x for x in y]",
    "async def f():\n  def g():\n    await x",
    "async def f():\n  lambda: await x",
    "async def f():\n  [x for x in y if await x]",
    "def f():\n  (x async for x in y)",
    "async def f():\n  return [[x async for x in y] for z in w]",
    "async def f():\n  yield\n  return",
    "class A:\n  await x",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print("ok:", repr(src))
    except SyntaxError as e:
        print("SyntaxError:", e.msg, "line", e.lineno, repr(src))
