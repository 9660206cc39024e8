# complex() keeps a negative-zero part as CPython's complex_new (parts are
# only combined when an argument is complex); time.strftime's %Z shows the
# struct_time's zone ('GMT' for gmtime()).
import datetime
import time


class C:
    def __complex__(self):
        return 1 - 0j


for args in [(0, -0.0), (1.0, -0.0), (-0.0, -0.0), (-0.0,), (0.0, -0.0), (1 + 2j, 3), (1 + 2j, 3j), (2, 1 + 1j),
             (-0.0j,), (C(), -0.0), (C(),), (1 + 2j,), (0j, -0.0), (complex(0, -0.0), 0)]:
    c = complex(*args)
    print(repr(c), c.real, c.imag)
print(time.gmtime(0).tm_zone, time.strftime('%Z', time.gmtime(0)), time.strftime('%Z %z', time.gmtime(0)))
print(time.strftime('%Z', (2024, 1, 1, 0, 0, 0, 0, 1, 0)) in ('UTC', time.tzname[0]))
print(datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc).strftime('%Z %z'),
      datetime.datetime(2024, 1, 1).strftime('[%Z][%z]'))
