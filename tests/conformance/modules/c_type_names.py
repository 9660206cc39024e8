import collections, decimal, datetime, re, array, functools, itertools, operator, struct, io, fractions
for c in [collections.deque, collections.OrderedDict, collections.defaultdict, decimal.Decimal, decimal.Context, datetime.date, datetime.time, datetime.timezone, datetime.tzinfo, re.Pattern, re.Match, array.array, functools.partial, itertools.count, itertools.chain, operator.itemgetter, operator.attrgetter, struct.Struct, io.StringIO, io.BytesIO]:
    print(c.__module__, c.__qualname__, c)

objs = [collections.deque(), collections.OrderedDict(), collections.defaultdict(int), collections.Counter(), decimal.Decimal(1), datetime.date(2020,1,1), datetime.datetime(2020,1,1), datetime.timedelta(1), re.compile("a"), re.match("a","a"), array.array("i"), functools.partial(print), itertools.count(), operator.itemgetter(1), struct.Struct("i"), fractions.Fraction(1), io.StringIO(), iter([]), reversed([]), {}.keys(), range(1)]
for o in objs:
    try:
        o + None
    except TypeError as e:
        print(e)
    try:
        o.nosuchattr
    except AttributeError as e:
        print(e)

try:
    hash(collections.deque())
except TypeError as e: print(e)
print({1: collections.deque()}[1], collections.deque.__hash__)
