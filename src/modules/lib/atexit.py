"""allow programmer to define multiple exit functions to be executed
upon normal program termination.

Two public functions, register and unregister, are defined.
"""

# (Spry) The callbacks, in registration order: (func, args, kwargs). The
# interpreter calls `_run_exitfuncs` at exit, after an uncaught exception
# is reported and before the finalizers of objects still alive run.
_callbacks = []


def register(func, /, *args, **kwargs):
    """register(func, *args, **kwargs) -> func

Register a function to be executed upon normal program termination

    func - function to be called at exit
    args - optional arguments to pass to func
    kwargs - optional keyword arguments to pass to func

    func is returned to facilitate usage as a decorator."""
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _callbacks.append((func, args, kwargs))
    return func


def unregister(func, /):
    """unregister(func) -> None

Unregister an exit function which was previously registered using
atexit.register

    func - function to be unregistered"""
    # (As CPython: the entry is emptied, `_ncallbacks` still counts it.)
    for i, c in enumerate(_callbacks):
        if c is not None and c[0] == func:
            _callbacks[i] = None


def _clear():
    """_clear() -> None

Clear the list of previously registered exit functions."""
    _callbacks.clear()


def _ncallbacks():
    """_ncallbacks() -> int

Return the number of registered exit functions."""
    return len(_callbacks)


def _run_exitfuncs():
    """_run_exitfuncs() -> None

Run all registered exit functions.

If a callback raises an exception, it is logged with sys.unraisablehook."""
    from _spry_tb import unraisable

    while _callbacks:
        entry = _callbacks.pop()
        if entry is None:
            continue
        func, args, kwargs = entry
        try:
            func(*args, **kwargs)
        except BaseException as exc:
            try:
                what = repr(func)
            except BaseException:
                what = "<object repr() failed>"
            unraisable(exc, "Exception ignored in atexit callback: " + what)
            del exc
