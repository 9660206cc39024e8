# decimal (Spry runs _pydecimal) with the C decimal's checks and messages, as CPython 3.11.
# decimal: validation / error-type / message differences
import decimal
from decimal import Decimal as D, Context, BasicContext, Inexact
tests = [
    lambda: Context(prec=10**20).prec,                      # CPython: OverflowError
    lambda: D('1.2345').quantize(D('0.01'), rounding='bad'),  # CPython: TypeError
    lambda: BasicContext.traps[Inexact],                    # CPython: False
    lambda: format(D('1'), '#.0f'),                         # CPython: ValueError
    lambda: format(D(5), 'd'),
    lambda: D(None),
    lambda: D([1]),
    lambda: round(D('NaN')),
    lambda: round(D('Inf')),
    lambda: Context(prec=0),
    lambda: Context(rounding='bogus'),
    lambda: Context().add(1, 2.5),
    lambda: float(D('sNaN')),
    lambda: str(decimal.getcontext().copy().__class__(flags=[decimal.Inexact, decimal.Rounded], traps=[decimal.Overflow, decimal.DivisionByZero])),
]
for t in tests:
    try: print(repr(t()))
    except Exception as e: print(type(e).__name__, str(e).replace('\n', ' '))

import decimal
from decimal import Decimal as D
c = decimal.getcontext()
print(c.traps[decimal.InvalidOperation], c.flags[decimal.Inexact], sorted(k.__name__ for k, v in c.traps.items() if v))
for f in (lambda: D(1).quantize(D('0.1'), rounding='x'), lambda: D('1.5').to_integral_value(rounding=7), lambda: D('1.5').to_integral_exact(rounding=decimal.ROUND_UP),
          lambda: decimal.Context(capitals=2), lambda: decimal.Context(clamp=-1), lambda: decimal.Context(Emax=-1), lambda: decimal.Context(Emin=1), lambda: decimal.Context(prec=1.5),
          lambda: D((0, (1, 2), -1)), lambda: D((0, (1,))), lambda: D(1) + 1.5, lambda: decimal.Context().multiply(D(2), 'x'), lambda: format(D('1.5'), '.2f'), lambda: format(D('1.5'), '#g'),
          lambda: D('NaN').__floor__(), lambda: D('-Inf').__ceil__(), lambda: round(D('2.5'))):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, str(e).replace(chr(10), ' '))
