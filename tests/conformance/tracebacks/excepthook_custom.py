import sys
def hook(t, v, tb):
    print("hook got", t.__name__, v, tb is not None, tb.tb_lineno)
sys.excepthook = hook
print(sys.__excepthook__ is not sys.excepthook)
def f():
    raise ValueError("boom")
f()
