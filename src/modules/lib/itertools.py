"""Functional tools for creating and using iterators (Spry's itertools).

Infinite iterators:
count(start=0, step=1) --> start, start+step, start+2*step, ...
cycle(p) --> p0, p1, ... plast, p0, p1, ...
repeat(elem [,n]) --> elem, elem, elem, ... endlessly or up to n times

Iterators terminating on the shortest input sequence:
accumulate(p[, func]) --> p0, p0+p1, p0+p1+p2
chain(p, q, ...) --> p0, p1, ... plast, q0, q1, ...
chain.from_iterable([p, q, ...]) --> p0, p1, ... plast, q0, q1, ...
compress(data, selectors) --> (d[0] if s[0]), (d[1] if s[1]), ...
dropwhile(pred, seq) --> seq[n], seq[n+1], starting when pred fails
groupby(iterable[, keyfunc]) --> sub-iterators grouped by value of keyfunc(v)
filterfalse(pred, seq) --> elements of seq where pred(elem) is False
islice(seq, [start,] stop [, step]) --> elements from
       seq[start:stop:step]
pairwise(s) --> (s[0],s[1]), (s[1],s[2]), (s[2], s[3]), ...
starmap(fun, seq) --> fun(*seq[0]), fun(*seq[1]), ...
tee(it, n=2) --> (it1, it2 , ... itn) splits one iterator into n
takewhile(pred, seq) --> seq[0], seq[1], until pred fails
zip_longest(p, q, ...) --> (p[0], q[0]), (p[1], q[1]), ...

Combinatoric generators:
product(p, q, ... [repeat=1]) --> cartesian product
permutations(p[, r])
combinations(p, r)
combinations_with_replacement(p, r)
"""

import sys as _sys

_marker = object()


def _index(v):
    if not hasattr(type(v), '__index__'):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    return type(v).__index__(v)


class count:
    """Return a count object whose .__next__() method returns consecutive values."""

    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float, complex)) and not hasattr(type(v), '__add__'):
                raise TypeError("a number is required")
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if type(self._step) is int and self._step == 1:
            return "%s(%r)" % (type(self).__name__, self._n)
        return "%s(%r, %r)" % (type(self).__name__, self._n, self._step)


class cycle:
    """Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely."""

    def __init__(self, iterable):
        self._it = iter(iterable)
        self._saved = []
        self._index = -1

    def __iter__(self):
        return self

    def __next__(self):
        if self._index < 0:
            it = self._it
            if it is not None:
                for item in it:
                    self._saved.append(item)
                    return item
                self._it = None
            if not self._saved:
                raise StopIteration
            self._index = 0
        saved = self._saved
        item = saved[self._index]
        self._index += 1
        if self._index == len(saved):
            self._index = 0
        return item


class repeat:
    """repeat(object [,times]) -> create an iterator which returns the object
for the specified number of times.  If not specified, returns the object
endlessly."""

    def __init__(self, object, times=None):
        self._obj = object
        if times is not None:
            times = _index(times)
            if times < 0:
                times = 0
        self._times = times

    def __iter__(self):
        return self

    def __next__(self):
        t = self._times
        if t is None:
            return self._obj
        if t <= 0:
            raise StopIteration
        self._times = t - 1
        return self._obj

    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times

    def __repr__(self):
        if self._times is None:
            return "repeat(%r)" % (self._obj,)
        return "repeat(%r, %d)" % (self._obj, self._times)


class accumulate:
    """Return series of accumulated sums (or other binary function results)."""

    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._func = func
        self._total = _marker
        self._initial = initial

    def __iter__(self):
        return self

    def __next__(self):
        if self._initial is not None:
            self._total = self._initial
            self._initial = None
            return self._total
        value = next(self._it)
        total = self._total
        if total is _marker:
            self._total = value
        elif self._func is None:
            self._total = total + value
        else:
            self._total = self._func(total, value)
        return self._total


class chain:
    """Return a chain object whose .__next__() method returns elements from the
first iterable until it is exhausted, then elements from the next
iterable, until all of the iterables are exhausted."""

    def __init__(self, *iterables):
        self._source = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterable):
        self = cls.__new__(cls)
        self._source = iter(iterable)
        self._active = None
        return self

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            active = self._active
            if active is None:
                if self._source is None:
                    raise StopIteration
                try:
                    nxt = next(self._source)
                except StopIteration:
                    self._source = None
                    raise
                active = self._active = iter(nxt)
            for item in active:
                return item
            self._active = None

    @classmethod
    def __class_getitem__(cls, item):
        return cls


class compress:
    """Return data elements corresponding to true selector elements."""

    def __init__(self, data, selectors):
        self._data = iter(data)
        self._sel = iter(selectors)

    def __iter__(self):
        return self

    def __next__(self):
        data = self._data
        sel = self._sel
        while True:
            d = next(data)
            s = next(sel)
            if s:
                return d


class dropwhile:
    """Drop items from the iterable while predicate(item) is true."""

    def __init__(self, predicate, iterable):
        self._pred = predicate
        self._it = iter(iterable)
        self._dropping = True

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if self._dropping:
            pred = self._pred
            for x in it:
                if not pred(x):
                    self._dropping = False
                    return x
            raise StopIteration
        return next(it)


class takewhile:
    """Return successive entries from an iterable as long as the predicate evaluates to true for each entry."""

    def __init__(self, predicate, iterable):
        self._pred = predicate
        self._it = iter(iterable)
        self._stopped = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._stopped:
            raise StopIteration
        x = next(self._it)
        if self._pred(x):
            return x
        self._stopped = True
        raise StopIteration


class filterfalse:
    """Return those items of iterable for which function(item) is false."""

    def __init__(self, function, iterable):
        self._func = function
        self._it = iter(iterable)

    def __iter__(self):
        return self

    def __next__(self):
        func = self._func
        if func is None:
            for x in self._it:
                if not x:
                    return x
        else:
            for x in self._it:
                if not func(x):
                    return x
        raise StopIteration


class _grouper:
    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey

    def __iter__(self):
        return self

    def __next__(self):
        gb = self._parent
        if gb._currgrouper is not self:
            raise StopIteration
        if gb._currvalue is _marker:
            gb._step()
        if not (self._tgtkey == gb._currkey):
            raise StopIteration
        value = gb._currvalue
        gb._currvalue = _marker
        return value


class groupby:
    """make an iterator that returns consecutive keys and groups from the iterable"""

    def __init__(self, iterable, key=None):
        self._keyfunc = key
        self._it = iter(iterable)
        self._tgtkey = self._currkey = self._currvalue = _marker
        self._currgrouper = None

    def __iter__(self):
        return self

    def _step(self):
        newvalue = next(self._it)
        newkey = newvalue if self._keyfunc is None else self._keyfunc(newvalue)
        self._currvalue = newvalue
        self._currkey = newkey

    def __next__(self):
        self._currgrouper = None
        while True:
            if self._currkey is _marker:
                pass
            elif self._tgtkey is _marker:
                break
            elif not (self._tgtkey == self._currkey):
                break
            self._step()
        self._tgtkey = self._currkey
        grouper = _grouper(self, self._tgtkey)
        self._currgrouper = grouper
        return (self._currkey, grouper)


class islice:
    """islice(iterable, stop) --> islice object
islice(iterable, start, stop[, step]) --> islice object"""

    def __init__(self, iterable, *args):
        nargs = len(args)
        if nargs == 0:
            raise TypeError("islice expected at least 2 arguments, got 1")
        if nargs > 3:
            raise TypeError("islice expected at most 4 arguments, got %d" % (nargs + 1))
        if nargs == 1:
            start, stop, step = None, args[0], None
        elif nargs == 2:
            start, stop, step = args[0], args[1], None
        else:
            start, stop, step = args
        msg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
        if stop is not None:
            try:
                stop = _index(stop)
            except TypeError:
                if nargs == 1:
                    raise ValueError("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.") from None
                raise ValueError(msg) from None
            if stop < 0:
                if nargs == 1:
                    raise ValueError("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
                raise ValueError(msg)
        if start is None:
            start = 0
        else:
            try:
                start = _index(start)
            except TypeError:
                raise ValueError(msg) from None
            if start < 0:
                raise ValueError(msg)
        if step is None:
            step = 1
        else:
            try:
                step = _index(step)
            except TypeError:
                raise ValueError("Step for islice() must be a positive integer or None.") from None
            if step <= 0:
                raise ValueError("Step for islice() must be a positive integer or None.")
        self._it = iter(iterable)
        self._next = start
        self._stop = stop
        self._step = step
        self._cnt = 0

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        stop = self._stop
        while self._cnt < self._next:
            try:
                next(it)
            except StopIteration:
                self._it = None
                raise
            self._cnt += 1
        if stop is not None and self._cnt >= stop:
            self._it = None
            raise StopIteration
        try:
            item = next(it)
        except StopIteration:
            self._it = None
            raise
        self._cnt += 1
        oldnext = self._next
        self._next += self._step
        if self._next < oldnext or (stop is not None and self._next > stop):
            self._next = stop
        return item


class pairwise:
    """Return an iterator of overlapping pairs taken from the input iterator."""

    def __init__(self, iterable):
        self._it = iter(iterable)
        self._old = _marker

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        old = self._old
        if old is _marker:
            try:
                old = next(it)
            except StopIteration:
                self._it = None
                raise
        try:
            new = next(it)
        except StopIteration:
            self._it = None
            raise
        self._old = new
        return (old, new)


class starmap:
    """Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence."""

    def __init__(self, function, iterable):
        self._func = function
        self._it = iter(iterable)

    def __iter__(self):
        return self

    def __next__(self):
        args = next(self._it)
        return self._func(*args)


class _tee_link:
    __slots__ = ('value', 'next')

    def __init__(self):
        self.value = _marker
        self.next = None


class _tee:
    def __init__(self, it, link):
        self._it = it
        self._link = link

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        if link.next is None:
            link.value = next(self._it)
            link.next = _tee_link()
        self._link = link.next
        return link.value

    def __copy__(self):
        return _tee(self._it, self._link)


def tee(iterable, n=2):
    """Returns a tuple of n independent iterators."""
    n = _index(n)
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return ()
    it = iter(iterable)
    if isinstance(it, _tee):
        first = it
    else:
        first = _tee(it, _tee_link())
    return (first,) + tuple(_tee(first._it, first._link) for _ in range(n - 1))


tee.__module__ = 'itertools'


class zip_longest:
    """Return a zip_longest object whose .__next__() method returns a tuple."""

    def __init__(self, *args, fillvalue=None):
        self._its = [iter(a) for a in args]
        self._active = len(self._its)
        self._fill = fillvalue

    def __iter__(self):
        return self

    def __next__(self):
        its = self._its
        if not its or not self._active:
            raise StopIteration
        result = []
        for i, it in enumerate(its):
            if it is None:
                result.append(self._fill)
                continue
            try:
                result.append(next(it))
            except StopIteration:
                self._active -= 1
                if not self._active:
                    raise
                its[i] = None
                result.append(self._fill)
        return tuple(result)


class product:
    """Cartesian product of input iterables.  Equivalent to nested for-loops."""

    def __init__(self, *args, repeat=1):
        repeat = _index(repeat)
        if repeat < 0:
            raise ValueError("repeat argument cannot be negative")
        pools = [tuple(pool) for pool in args] * repeat
        self._pools = pools
        self._indices = None
        self._done = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        pools = self._pools
        indices = self._indices
        if indices is None:
            for p in pools:
                if not p:
                    self._done = True
                    raise StopIteration
            self._indices = [0] * len(pools)
            return tuple(p[0] for p in pools)
        i = len(pools) - 1
        while i >= 0:
            pool = pools[i]
            indices[i] += 1
            if indices[i] < len(pool):
                break
            indices[i] = 0
            i -= 1
        else:
            self._done = True
            raise StopIteration
        return tuple(pools[j][indices[j]] for j in range(len(pools)))


class permutations:
    """Return successive r-length permutations of elements in the iterable."""

    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        n = len(pool)
        if r is None:
            r = n
        else:
            r = _index(r)
            if r < 0:
                raise ValueError("r must be non-negative")
        self._pool = pool
        self._r = r
        self._indices = list(range(n))
        self._cycles = list(range(n, n - r, -1))
        self._first = True
        self._done = r > n

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        pool = self._pool
        r = self._r
        indices = self._indices
        if self._first:
            self._first = False
            return tuple(pool[i] for i in indices[:r])
        n = len(pool)
        if n == 0:
            self._done = True
            raise StopIteration
        cycles = self._cycles
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                return tuple(pool[i] for i in indices[:r])
        self._done = True
        raise StopIteration


class combinations:
    """Return successive r-length combinations of elements in the iterable."""

    def __init__(self, iterable, r):
        pool = tuple(iterable)
        r = _index(r)
        if r < 0:
            raise ValueError("r must be non-negative")
        self._pool = pool
        self._r = r
        self._indices = list(range(r))
        self._first = True
        self._done = r > len(pool)

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        pool = self._pool
        r = self._r
        indices = self._indices
        if self._first:
            self._first = False
            return tuple(pool[i] for i in indices)
        n = len(pool)
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            self._done = True
            raise StopIteration
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        return tuple(pool[i] for i in indices)


class combinations_with_replacement:
    """Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats."""

    def __init__(self, iterable, r):
        pool = tuple(iterable)
        r = _index(r)
        if r < 0:
            raise ValueError("r must be non-negative")
        self._pool = pool
        self._r = r
        self._indices = [0] * r
        self._first = True
        self._done = not pool and r > 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        pool = self._pool
        r = self._r
        indices = self._indices
        if self._first:
            self._first = False
            return tuple(pool[i] for i in indices)
        n = len(pool)
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            self._done = True
            raise StopIteration
        indices[i:] = [indices[i] + 1] * (r - i)
        return tuple(pool[i] for i in indices)
