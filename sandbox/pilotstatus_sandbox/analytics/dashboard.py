"""The analytics dashboard of a number (`GET /v1/analytics/dashboard`), computed from its sent messages.

Sandbox behaviour, not documented upstream (the README's "Messages in the sandbox" repeats it):
- the period (`7d`, `30d` or `90d`) is that many calendar days in the time zone asked for (`timezone`, or its alias
  `tz`; UTC by default), today included, up to now; the previous period is as many days just before it;
- a message counts in the period it was sent in (its `createdAt`): every message the number sent but the CANCELED
  ones, which never went out; received messages do not count;
- `totalSent` is their number, `totalFailed` the FAILED ones, `failureRate` the percentage failed (0 when none was
  sent), `sentPercentChange` and `failedPercentChange` the change from the previous period in percent (100 when the
  previous period had none and this one has some, 0 when both have none), each rounded to two decimals;
- `dailyMessages` is one `{date, count}` per day of the period, oldest first, days without messages included;
- `statusDistribution` counts the period's messages by status now: queued, sent, delivered, failed, read;
- an unknown time zone or period is 400.
"""

from __future__ import annotations

import bisect
import datetime
import zoneinfo
from typing import TYPE_CHECKING, Any

from pilotstatus_sandbox._errors import ApiError

if TYPE_CHECKING:
    from pilotstatus_sandbox._backend import Backend, Number

__all__ = ["PERIODS", "dashboard"]

PERIODS = {"7d": 7, "30d": 30, "90d": 90}
"""Each period the dashboard takes, in days."""

_STATUSES = ("queued", "sent", "delivered", "failed", "read")


def _zone(name: str) -> datetime.tzinfo:
    if name.upper() == "UTC":
        return datetime.UTC
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):  # unknown, or not a zone's name at all ("../x")
        raise ApiError(400, f"Validation error: timezone ({name[:60]!r}) is not an IANA time zone") from None


def _midnight_ms(day: datetime.date, zone: datetime.tzinfo) -> int:
    """When `day` starts in `zone`, in milliseconds since the epoch."""
    return round(datetime.datetime.combine(day, datetime.time(), tzinfo=zone).timestamp() * 1000)


def _change(now: int, before: int) -> float:
    if before == 0:
        return 100.0 if now else 0.0
    return round((now - before) / before * 100, 2)


def dashboard(backend: Backend, number: Number, *, period: str, timezone: str) -> dict[str, Any]:
    """The `DashboardStats` of `number` over `period` in `timezone` (see the module's docstring)."""
    days = PERIODS.get(period)
    if days is None:
        raise ApiError(400, f"Validation error: period ({period[:20]!r}) is not one of {', '.join(PERIODS)}")
    zone = _zone(timezone)
    with backend.locked() as now:
        today = datetime.datetime.fromtimestamp(now / 1000, zone).date()
        first = today - datetime.timedelta(days=days - 1)
        # Where each day of the previous period and of this one starts: 2 * days + 1 bounds, oldest first.
        bounds = [_midnight_ms(first + datetime.timedelta(days=offset), zone) for offset in range(-days, days + 1)]
        daily = [0] * (2 * days)
        failed = [0, 0]  # the previous period's, this one's
        statuses = dict.fromkeys(_STATUSES, 0)
        for message in number.messages.all():
            if message.direction != "OUTBOUND" or message.status == "CANCELED":
                continue
            if not bounds[0] <= message.created_ms <= now:
                continue
            slot = bisect.bisect_right(bounds, message.created_ms) - 1
            daily[slot] += 1
            current = slot >= days
            failed[current] += message.status == "FAILED"
            if current and message.status.lower() in statuses:
                statuses[message.status.lower()] += 1
    sent_before, sent_now = sum(daily[:days]), sum(daily[days:])
    return {
        "totalSent": sent_now,
        "totalFailed": failed[1],
        "sentPercentChange": _change(sent_now, sent_before),
        "failedPercentChange": _change(failed[1], failed[0]),
        "failureRate": round(failed[1] / sent_now * 100, 2) if sent_now else 0.0,
        "dailyMessages": [
            {"date": (first + datetime.timedelta(days=offset)).isoformat(), "count": daily[days + offset]}
            for offset in range(days)
        ],
        "statusDistribution": statuses,
    }
