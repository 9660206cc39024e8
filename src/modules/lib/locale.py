"""Locale support (Spry: the C locale only; names and formats are the
C/POSIX ones)."""

import sys

__all__ = ["getlocale", "getdefaultlocale", "getpreferredencoding", "Error",
           "setlocale", "resetlocale", "localeconv", "strcoll", "strxfrm",
           "str", "atof", "atoi", "format_string", "currency", "normalize",
           "LC_CTYPE", "LC_COLLATE", "LC_TIME", "LC_MONETARY", "LC_NUMERIC",
           "LC_ALL", "LC_MESSAGES", "CHAR_MAX", "getencoding"]

LC_CTYPE = 0
LC_NUMERIC = 1
LC_TIME = 2
LC_COLLATE = 3
LC_MONETARY = 4
LC_MESSAGES = 5
LC_ALL = 6
CHAR_MAX = 127


class Error(Exception):
    pass


def localeconv():
    return {'grouping': [], 'currency_symbol': '', 'n_sign_posn': CHAR_MAX,
            'p_cs_precedes': CHAR_MAX, 'n_cs_precedes': CHAR_MAX,
            'mon_grouping': [], 'n_sep_by_space': CHAR_MAX,
            'decimal_point': '.', 'negative_sign': '', 'positive_sign': '',
            'p_sep_by_space': CHAR_MAX, 'int_curr_symbol': '',
            'p_sign_posn': CHAR_MAX, 'thousands_sep': '',
            'mon_thousands_sep': '', 'frac_digits': CHAR_MAX,
            'mon_decimal_point': '', 'int_frac_digits': CHAR_MAX}


def setlocale(category, value=None):
    if value not in (None, '', 'C', 'POSIX'):
        raise Error('unsupported locale setting')
    return 'C'


def getlocale(category=LC_CTYPE):
    return (None, None)


def getdefaultlocale(envvars=('LC_ALL', 'LC_CTYPE', 'LANG', 'LANGUAGE')):
    return (None, 'UTF-8')


def resetlocale(category=LC_ALL):
    pass


def getpreferredencoding(do_setlocale=True):
    return 'UTF-8'


def getencoding():
    return 'UTF-8'


def normalize(localename):
    return localename


def strcoll(a, b):
    return (a > b) - (a < b)


def strxfrm(s):
    return s


def format_string(f, val, grouping=False, monetary=False):
    return f % val


def currency(val, symbol=True, grouping=False, international=False):
    raise ValueError("Currency formatting is not possible using the 'C' locale.")


def str(val):
    return format_string("%.12g", val)


def atof(string, func=float):
    return func(string)


def atoi(string):
    return int(string)
