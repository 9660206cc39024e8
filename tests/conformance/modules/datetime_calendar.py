# datetime, calendar, time calendar functions (outputs independent of the local timezone).
import datetime as dt
import calendar, time
d = dt.date(2024, 2, 29)
print(d, d + dt.timedelta(days=1), d.isoformat(), d.weekday(), d.strftime("%Y/%m/%d %A %B %j"), repr(d))
t = dt.datetime(2024, 5, 17, 13, 45, 30, 123456)
print(t, t.isoformat(), t.date(), t.time(), t.replace(year=2000), t - dt.datetime(2024, 1, 1), repr(t))
print(dt.timedelta(hours=25, minutes=3), dt.timedelta(days=-1, seconds=5), dt.timedelta(weeks=1).total_seconds(), repr(dt.timedelta(1, 2, 3)))
print(dt.datetime.strptime("2024-03-05 07:08", "%Y-%m-%d %H:%M") if hasattr(dt.datetime, "strptime") else "nostrptime")
tz = dt.timezone(dt.timedelta(hours=2), "X")
print(t.replace(tzinfo=tz), t.replace(tzinfo=dt.timezone.utc).isoformat(), dt.date.fromisoformat("2020-01-02"), dt.datetime.fromisoformat("2020-01-02T03:04:05"))
print(sorted([dt.date(2020, 1, 3), dt.date(2019, 5, 1)]), dt.date(2020, 1, 1) < dt.date(2020, 1, 2), hash(d) == hash(dt.date(2024, 2, 29)))
print(dt.date.today() > dt.date(2000, 1, 1), dt.datetime.now().year >= 2024, dt.MINYEAR, dt.MAXYEAR)
try:
    dt.date(2023, 2, 29)
except ValueError as e:
    print(type(e).__name__, e)
print(calendar.isleap(2024), calendar.monthrange(2024, 2), calendar.weekday(2024, 5, 17), calendar.day_name[0], calendar.month_abbr[12])
print(calendar.month(2024, 2))
print(calendar.TextCalendar().formatmonth(2023, 12))
print(time.strftime("%Y-%m-%d %H:%M:%S", (2024, 1, 2, 3, 4, 5, 1, 2, 0)), time.gmtime(0), time.gmtime(86400 * 365.25).tm_year)
print(time.asctime((2024, 1, 2, 3, 4, 5, 1, 2, 0)), time.mktime(time.localtime(1000000)) == 1000000.0, time.asctime(time.gmtime(0)))
print(dt.datetime.strptime("17/05/2024 13:45", "%d/%m/%Y %H:%M"), dt.datetime(2024, 5, 17).strftime("%a %b %d %j %U %p"), time.strptime("2024", "%Y").tm_year)
print(dt.datetime.fromtimestamp(0, dt.timezone.utc), dt.datetime.utcfromtimestamp(86400).isoformat())
try:
    time.strftime("%Y", (2024, 13, 1, 0, 0, 0, 0, 1, 0))
except ValueError as e:
    print(type(e).__name__, e)
try:
    dt.datetime.strptime("x", "%Y")
except ValueError as e:
    print(type(e).__name__, e)
