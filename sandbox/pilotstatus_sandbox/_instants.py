"""Instants as whole milliseconds since the epoch: how the sandbox stores `createdAt`, compares `before` and writes
timestamps (`2026-07-03T15:00:00.000Z`, as the API does)."""

from __future__ import annotations

import datetime
import re

__all__ = ["DEFAULT_NEWEST", "format_ms", "is_date_time", "parse_before_ms"]

DEFAULT_NEWEST = 1_793_534_400_000
"""`createdAt` of the newest call of a seeded history by default: 2026-11-01T12:00:00.000Z. Fixed, so that a seed
gives the same data on every machine and every day. Here rather than in `_dataset`, which builds its tables when
imported: the configuration (and so the `pilotstatus sandbox` command) reads it without them."""

_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)

# RFC 3339 `date-time`, the spec's `format: date-time`. Letters in either case, as RFC 3339 allows; second 60 (a
# leap second) and any number of fraction digits are accepted. The spec's validator has already said whether the
# value is a valid date-time; this only has to read every value that passed.
_RFC3339 = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))",
    re.ASCII,
)


def _days_from_civil(year: int, month: int, day: int) -> int:
    """Days from 1970-01-01 to a proleptic Gregorian date, for any year (including 0000, which `datetime` lacks)."""
    year -= month <= 2
    era = year // 400
    year_of_era = year - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146097 + day_of_era - 719468


def _month_days(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def is_date_time(value: str) -> bool:
    """Whether `value` is an RFC 3339 `date-time` (§5.6): the spec's `format: date-time`, as the sandbox checks it.

    The grammar with a `T` (or `t`) between date and time and a `Z` (or `z`) or `±hh:mm` zone, a real calendar day
    (no February 30), hours 00-23, minutes 00-59, seconds 00-59, year 0001 at the earliest (as the checker the
    sandbox replaces does, since `datetime` has no year 0). Second 60, a leap second, is valid where one can be
    inserted: the last second of a UTC month (ITU-R TF.460, which RFC 3339 §5.7 follows), that is 23:59:60 UTC on a
    month's last day once the offset is applied, as in `2016-12-31T23:59:60Z` or `2016-12-31T20:59:60-03:00`. A
    second 60 anywhere else is no instant at all and is refused. Whether a leap second was in fact inserted that
    month is not checked: the IERS table changes, and a `before` that names a second that never was is harmless.
    """
    match = _RFC3339.fullmatch(value)
    if match is None or match.group(0)[10] == " ":
        return False
    year, month, day, hour, minute, second = (int(group) for group in match.groups()[:6])
    _, _, sign, offset_hours, offset_minutes = match.groups()[6:]
    if not (year >= 1 and 1 <= month <= 12 and 1 <= day <= _month_days(year, month)):
        return False
    if hour > 23 or minute > 59 or second > 60:
        return False
    if sign is not None and (int(offset_hours) > 23 or int(offset_minutes) > 59):
        return False
    if second < 60:
        return True
    offset = 0 if sign is None else (int(offset_hours) * 60 + int(offset_minutes)) * (1 if sign == "+" else -1)
    minutes = (_days_from_civil(year, month, day) * 24 + hour) * 60 + minute - offset  # UTC minutes since 1970
    utc_day, utc_minute = divmod(minutes, 24 * 60)
    if utc_minute != 23 * 60 + 59:
        return False
    # The UTC day is the last of its month when the next day is the 1st.
    return _civil_from_days(utc_day + 1)[2] == 1


def _civil_from_days(days: int) -> tuple[int, int, int]:
    """The proleptic Gregorian (year, month, day) `days` after 1970-01-01: `_days_from_civil`'s inverse."""
    days += 719468
    era = days // 146097
    day_of_era = days - era * 146097
    year_of_era = (day_of_era - day_of_era // 1460 + day_of_era // 36524 - day_of_era // 146096) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    month_index = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * month_index + 2) // 5 + 1
    month = month_index + (3 if month_index < 10 else -9)
    return year_of_era + era * 400 + (month <= 2), month, day


def parse_before_ms(value: str) -> int | None:
    """The smallest whole millisecond not before `value`, or None when `value` is not an RFC 3339 date-time.

    A call matches `before` when its `createdAt` is strictly earlier. `createdAt` has whole milliseconds, so
    `created_ms < parse_before_ms(before)` is exactly that comparison, even for a `before` with finer digits.
    A leap second, `23:59:60`, counts as the first instant of the next minute, as POSIX time (and so `createdAt`)
    has no second 60: no call is created between `23:59:60` and `00:00:00`.
    """
    match = _RFC3339.fullmatch(value)
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(group) for group in match.groups()[:6])
    fraction, _, sign, offset_hours, offset_minutes = match.groups()[6:]
    seconds = (_days_from_civil(year, month, day) * 24 + hour) * 3600 + minute * 60 + second
    if sign is not None:
        offset = int(offset_hours) * 3600 + int(offset_minutes) * 60
        seconds -= offset if sign == "+" else -offset
    if not fraction:
        return seconds * 1000
    # Rounded up digit by digit: a float would misread `.0009999999999999999`, and `int()` refuses thousands of
    # digits, which RFC 3339 allows.
    fraction_ms = int(fraction[:3].ljust(3, "0")) + (fraction[3:].strip("0") != "")
    return seconds * 1000 + fraction_ms


def format_ms(ms: int) -> str:
    """`ms` as the API writes instants: UTC, millisecond precision, a `Z`."""
    instant = _EPOCH + datetime.timedelta(milliseconds=ms)
    return f"{instant:%Y-%m-%dT%H:%M:%S}.{ms % 1000:03d}Z"
