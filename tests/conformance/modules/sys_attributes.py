# sys attributes CPython scripts read: float_repr_style, exec_prefix, platlibdir,
# abiflags, pycache_prefix; the switch interval kept and checked.
import sys
print(sys.float_repr_style, sys.exec_prefix == sys.prefix, sys.base_exec_prefix == sys.base_prefix, sys.platlibdir, repr(sys.abiflags), sys.pycache_prefix)
print(sys.getswitchinterval())
sys.setswitchinterval(0.01)
print(sys.getswitchinterval())
for bad in (0, -1.0, "x"):
    try:
        sys.setswitchinterval(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
sys.setswitchinterval(0.005)
