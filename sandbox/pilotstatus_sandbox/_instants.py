"""Instants as whole milliseconds since the epoch: how the sandbox stores `createdAt`, compares `before` and writes
timestamps (`2026-07-03T15:00:00.000Z`, as the API does)."""

from __future__ import annotations

import datetime
import re

__all__ = ["format_ms", "parse_before_ms"]

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


def parse_before_ms(value: str) -> int | None:
    """The smallest whole millisecond not before `value`, or None when `value` is not an RFC 3339 date-time.

    A call matches `before` when its `createdAt` is strictly earlier. `createdAt` has whole milliseconds, so
    `created_ms < parse_before_ms(before)` is exactly that comparison, even for a `before` with finer digits.
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
