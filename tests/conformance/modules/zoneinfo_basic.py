# zoneinfo over the system time zone database: offsets, DST transitions,
# folds, conversions, errors.
import os
import pickle
from datetime import datetime, timedelta, timezone
import zoneinfo
from zoneinfo import ZoneInfo

if not any(os.path.exists(os.path.join(p, "Europe/Paris")) for p in zoneinfo.TZPATH):
    raise SystemExit("no tz database")  # (the expected output needs one)

paris = ZoneInfo("Europe/Paris")
print(repr(paris), str(paris), paris.key)
print(ZoneInfo("Europe/Paris") is paris)
print(datetime(2024, 7, 1, tzinfo=paris).utcoffset(), datetime(2024, 1, 15, tzinfo=paris).utcoffset())
for name in ["America/New_York", "Asia/Tokyo", "Australia/Sydney", "Asia/Kolkata", "UTC",
             "America/St_Johns", "Pacific/Chatham", "Europe/London"]:
    z = ZoneInfo(name)
    summer = datetime(2024, 7, 1, 12, tzinfo=z)
    winter = datetime(2024, 1, 1, 12, tzinfo=z)
    print(f"{name:20} {summer.utcoffset()!s:>17} {summer.tzname():6} {summer.dst()!s:>8} |"
          f" {winter.utcoffset()!s:>17} {winter.tzname():6} {winter.dst()}")

ny = ZoneInfo("America/New_York")
# spring forward: 2:30 does not exist; fall back: 1:30 happens twice
gap = datetime(2024, 3, 10, 2, 30, tzinfo=ny)
print("gap", gap.utcoffset(), gap.fold, gap.replace(fold=1).utcoffset())
amb = datetime(2024, 11, 3, 1, 30, tzinfo=ny)
print("fold 0", amb.utcoffset(), amb.tzname(), "fold 1", amb.replace(fold=1).utcoffset(), amb.replace(fold=1).tzname())
utc = datetime(2024, 11, 3, 5, 0, tzinfo=timezone.utc)
for h in range(4):
    local = (utc + timedelta(hours=h)).astimezone(ny)
    print(" ", local.isoformat(), local.fold, local.tzname())
t = datetime(2024, 3, 31, 0, 30, tzinfo=timezone.utc)
for h in range(3):
    print(" ", (t + timedelta(hours=h)).astimezone(paris).isoformat())
print(datetime(2024, 6, 1, 12, tzinfo=paris).astimezone(ZoneInfo("Asia/Tokyo")))
print(datetime(1900, 1, 1, tzinfo=paris).utcoffset(), datetime(2200, 7, 1, tzinfo=paris).utcoffset())
print(datetime.fromtimestamp(1700000000, tz=ZoneInfo("Europe/Berlin")))
print(datetime(2024, 7, 1, tzinfo=paris) - datetime(2024, 7, 1, tzinfo=ny))

nc = ZoneInfo.no_cache("Europe/Paris")
print(nc is paris, nc == paris, datetime(2024, 7, 1, tzinfo=nc).utcoffset())
print(pickle.loads(pickle.dumps(paris)) is paris)
for bad in ["Not/AZone", "../etc/passwd", "", "/abs"]:
    try:
        ZoneInfo(bad)
    except zoneinfo.ZoneInfoNotFoundError as e:
        print("ZoneInfoNotFoundError", e)
    except ValueError as e:
        print("ValueError", e)
print(issubclass(zoneinfo.ZoneInfoNotFoundError, KeyError))
avail = zoneinfo.available_timezones()
print("Europe/Paris" in avail, "America/New_York" in avail, len(avail) > 300)
try:
    zoneinfo.reset_tzpath(["relative/path"])
except ValueError as e:
    print("ValueError", e)
ZoneInfo.clear_cache()
print(ZoneInfo("Europe/Paris") is paris)
print(ZoneInfo.__module__)


class MyZone(ZoneInfo):
    pass


print(repr(MyZone("UTC")), MyZone("UTC") is ZoneInfo("UTC"))
with open(zoneinfo._tzpath.find_tzfile("UTC"), "rb") as f:
    z = ZoneInfo.from_file(f, key="MyUTC")
print(z, datetime(2024, 1, 1, tzinfo=z).utcoffset())
