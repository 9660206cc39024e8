# round() and float formatting at the extremes: huge precisions (no panic), huge and
# negative ndigits, exact rounding at the 10**-ndigits place, C-int checks of '%.*'.
cases = [
 "len(format(1.5, '.70000f'))", "len('%.65535e' % 1.5)", "len(format(1.5, '.70000g'))", "len(format(1.5, '#.70000g'))",
 "len('%.*f' % (100000, 1.0))", "format(1/3, '.1200f')[-5:]", "format(2**-1074, '.1100e')[-10:]", "len(f'{0.1:.100000}')",
 "'%.*e' % (2**31, 1.0)", "'%.*d' % (2**35, 1)", "'%.*x' % (2**35, 1)", "'%.*s' % (2**31, 'a')", "'%.*s' % (-2**31-1, 'a')",
 "format(1.5, '.99999999999999999999f')", "format(1.5, '99999999999999999999f')", "'{:.2147483648f}'.format(1.5)",
 "len('%.100000d' % 1)", "len(format(5, '0100000d'))", "round(15, 2**64)", "round(1.5, 2**64)",
 "round(1.5, -2**64)", "round(1e308, -300)", "round(1.7976931348623157e308, -308)", "round(6.007246154783854e+143, -1)",
 "round(12345.6789, -2)", "round(-0.5)", "round(2.675, 2)", "round(5e-324, 323)", "round(1e22, -22)", "round(15, -1)", "round(25, -1)", "round(-25, -1)",
 "round(10**30 + 5 * 10**10, -11)", "round(1.5, None)", "round(15.0, -1)", "round(25.0, -1)", "round(35.0, -1)", "round(-1.0, -1)", "round(-15.0, -1)",
 "round(15, -2)", "round(50, -2)", "round(150, -2)", "round(-150, -2)", "round(10**40, -41)", "round(5*10**40, -41)", "round(6*10**40, -41)",
 "round(True, -1)", "round(7, 2.0)", "round(7.0, 2.0)", "round(1.5, True)", "round(123.456, -1)", "round(4.5e15 + 0.5, 0)", "round(2**60 + 0.0, -5)",
]
for c in cases:
    try:
        print(c, '->', repr(eval(c)))
    except Exception as e:
        print(c, '->', type(e).__name__, e)
