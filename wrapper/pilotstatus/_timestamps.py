"""Instants as the API writes them: UTC, a `Z`, and milliseconds (`2026-01-29T12:00:00.000Z`).

Arguments are checked here, before any request: a naive datetime (whose zone would be a guess) and a string that is
not ISO 8601 are refused with an error that names the argument.
"""

from __future__ import annotations

import datetime

from ._exceptions import InvalidInputError

MILLISECOND = datetime.timedelta(milliseconds=1)


def to_instant(value: datetime.datetime | str, name: str) -> datetime.datetime:
    """`value` as an aware UTC datetime. Accepts an aware datetime or an ISO 8601 string with a zone."""
    if isinstance(value, str):
        text = value.strip()
        try:
            parsed = datetime.datetime.fromisoformat(text[:-1] + "+00:00" if text[-1:] in "zZ" and text else text)
        except ValueError:
            raise InvalidInputError(
                f"{name}={value!r} is not an ISO 8601 date-time (for example '2026-01-29T12:00:00.000Z')."
            ) from None
        value = parsed
    elif not isinstance(value, datetime.datetime):
        raise InvalidInputError(f"{name} must be a datetime or an ISO 8601 string, not {type(value).__name__}.")
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInputError(
            f"{name}={value.isoformat()!r} has no time zone; give an aware datetime (e.g. tzinfo=datetime.UTC).",
            argument=name,
            problem=InvalidInputError.NO_TIME_ZONE,
        )
    try:
        return value.astimezone(datetime.UTC)
    except OverflowError:
        raise InvalidInputError(f"{name}={value.isoformat()!r} is out of the range of dates.") from None


def floor_ms(instant: datetime.datetime) -> datetime.datetime:
    """The millisecond `instant` falls in."""
    finer = instant.microsecond % 1000
    # An instant of the API is a whole millisecond already: no `replace()`, slow enough to matter for every call.
    return instant if not finer else instant.replace(microsecond=instant.microsecond - finer)


def ceil_ms(instant: datetime.datetime) -> datetime.datetime:
    """The first whole millisecond at or after `instant`.

    A strictly-before bound rounded up this way selects the same calls as the exact bound, because the API records
    `createdAt` to the millisecond.
    """
    floor = floor_ms(instant)
    if floor == instant or floor > datetime.datetime.max.replace(tzinfo=floor.tzinfo) - MILLISECOND:
        return floor  # at the end of time, the last whole millisecond bounds the same calls
    return floor + MILLISECOND


def format_instant(instant: datetime.datetime, *, exact: bool = False) -> str:
    """The API's spelling of an instant: UTC, a `Z`, and milliseconds (`YYYY-MM-DDTHH:MM:SS.mmmZ`), finer digits
    dropped; with `exact`, an instant with microseconds keeps them (`.mmmuuuZ`), so that nothing is lost."""
    utc = instant.astimezone(datetime.UTC)
    timespec = "microseconds" if exact and utc.microsecond % 1000 else "milliseconds"
    return utc.isoformat(timespec=timespec).removesuffix("+00:00") + "Z"  # UTC's offset is always that
