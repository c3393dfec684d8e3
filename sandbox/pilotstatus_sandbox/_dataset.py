"""A number's call history: deterministic from a seed, realistic, and paged by `before` without scanning.

Only the `createdAt` of every call is kept in memory (8 bytes a call, newest first); the other fields of a call are
drawn when a page holds it, from a hash of (seed, position), so a call reads the same on every request and a
history of a million calls costs 8 MB. `before` is found by binary search, so a page costs the same at any size.

The history has what a client must cope with: calls in every status, RINGING calls with no lifecycle fields at
all, unanswered calls with null `connectedAt` and `durationSeconds`, and runs of calls that share one `createdAt`
millisecond (bursts of two to seven, and rare bulk runs of up to 60), which a naive `before` cursor loses.
"""

from __future__ import annotations

import base64
import bisect
import itertools
import operator
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ._instants import format_ms

__all__ = ["DEFAULT_NEWEST", "CallHistory", "Provider"]

Provider = Literal["META", "EVO_GO"]

DEFAULT_NEWEST = 1_793_534_400_000
"""`createdAt` of the newest call by default: 2026-11-01T12:00:00.000Z. Fixed, so that a seed gives the same data on
every machine and every day."""

_MASK = (1 << 64) - 1
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_AREA_CODES = (11, 12, 13, 19, 21, 27, 31, 41, 47, 48, 51, 61, 62, 71, 81, 85, 91, 92)
_STATUSES = ("INITIATED", "RINGING", "ACCEPTED", "REJECTED", "COMPLETED", "FAILED")
_LIVE_CALLS = 24
"""Only this many of the newest calls can still be in progress (INITIATED, RINGING, ACCEPTED); older ones ended."""


def _mix(value: int) -> int:
    """SplitMix64's finalizer: a well-spread 64-bit hash of `value`."""
    value = (value + 0x9E3779B97F4A7C15) & _MASK
    value = ((value ^ (value >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    value = ((value ^ (value >> 27)) * 0x94D049BB133111EB) & _MASK
    return value ^ (value >> 31)


class _Draws:
    """A small deterministic stream of random numbers for one call."""

    def __init__(self, seed: int) -> None:
        self._state = seed & _MASK

    def bits(self) -> int:
        self._state = (self._state + 0x9E3779B97F4A7C15) & _MASK
        return _mix(self._state)

    def below(self, bound: int) -> int:
        return self.bits() % bound

    def between(self, low: int, high: int) -> int:
        return low + self.below(high - low + 1)

    def chance(self, percent: int) -> bool:
        return self.below(100) < percent

    def pick(self, weighted: Sequence[tuple[str, int]]) -> str:
        roll = self.below(sum(weight for _, weight in weighted))
        for value, weight in weighted:
            if roll < weight:
                return value
            roll -= weight
        raise AssertionError("unreachable: the roll is below the total weight")


def _created_ms(count: int, seed: int, newest: int) -> array[int]:
    """`createdAt` of `count` calls in milliseconds, newest first, in runs that share one millisecond."""
    draws = _Draws(_mix(seed ^ 0x5EED))
    created: array[int] = array("q")
    instant = newest
    while len(created) < count:
        roll = draws.below(1000)
        run = 1 if roll < 950 else draws.between(2, 7) if roll < 999 else draws.between(20, 60)
        created.extend(itertools.repeat(instant, min(run, count - len(created))))
        # Calls are seconds to minutes apart, now and then within the same second.
        instant -= draws.between(1, 999) if draws.chance(10) else draws.between(1_000, 900_000)
    return created


@dataclass(frozen=True)
class _Call:
    """How one call went: the shape from which its JSON fields follow."""

    direction: str
    status: str
    ring_ms: int | None
    talk_s: int | None


class CallHistory:
    """The calls of one number, newest first."""

    def __init__(self, *, count: int, seed: int, provider: Provider, newest: int = DEFAULT_NEWEST) -> None:
        if count < 0:
            raise ValueError(f"a history holds zero or more calls, not {count}")
        self.provider = provider
        self._seed = _mix(seed ^ (0x0E7A if provider == "META" else 0x0EB0))
        self._created = _created_ms(count, self._seed, newest)

    def __len__(self) -> int:
        return len(self._created)

    def page(self, *, limit: int, before_ms: int | None) -> list[dict[str, Any]]:
        """Up to `limit` calls created strictly before `before_ms` (all calls when None), newest first."""
        # Negated, the newest-first timestamps ascend: the first call before `before_ms` is found by bisection.
        start = 0 if before_ms is None else bisect.bisect_right(self._created, -before_ms, key=operator.neg)
        return [self.call(position) for position in range(start, min(start + limit, len(self._created)))]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        """Every call, newest first: what a complete listing must return."""
        return (self.call(position) for position in range(len(self._created)))

    def call(self, position: int) -> dict[str, Any]:
        """The call at `position` (0 is the newest), as `GET /v1/calls` returns it."""
        created = self._created[position]
        draws = _Draws(self._seed ^ _mix(position))
        shape = self._shape(draws, position)
        started = None if shape.status in ("RINGING", "INITIATED") else created
        connected = None if shape.ring_ms is None or started is None else started + shape.ring_ms
        if shape.status == "ACCEPTED" or connected is None:
            ended = None if shape.status in ("RINGING", "INITIATED", "ACCEPTED") else created + draws.between(0, 40_000)
        else:
            ended = connected + (shape.talk_s or 0) * 1000 + draws.below(1000)
        call: dict[str, Any] = {
            "id": self._call_id(created, position, draws),
            "externalCallId": self._external_id(draws, shape),
            "direction": shape.direction,
            "status": shape.status,
            "peerNumber": f"55{_AREA_CODES[draws.below(len(_AREA_CODES))]}9{draws.below(10**8):08d}",
        }
        if shape.status != "RINGING":
            # The documented RINGING call carries no lifecycle fields at all; the others carry them, null or set.
            call["durationSeconds"] = shape.talk_s if ended is not None and connected is not None else None
            call["startedAt"] = None if started is None else format_ms(started)
            call["connectedAt"] = None if connected is None else format_ms(connected)
            call["endedAt"] = None if ended is None else format_ms(ended)
        call["createdAt"] = format_ms(created)
        call["updatedAt"] = format_ms(max(ms for ms in (created, connected, ended) if ms is not None))
        return call

    def _shape(self, draws: _Draws, position: int) -> _Call:
        direction = "OUTBOUND" if draws.chance(30) else "INBOUND"
        statuses = [("COMPLETED", 62), ("REJECTED", 16), ("FAILED", 8)]
        if position < _LIVE_CALLS:
            statuses += [("RINGING", 20), ("ACCEPTED", 20)] + ([("INITIATED", 20)] if direction == "OUTBOUND" else [])
        status = draws.pick(statuses)
        if position < len(_STATUSES):
            # The newest calls show every status once (in an order that depends on the seed), whatever the draws.
            status = _STATUSES[(position + self._seed) % len(_STATUSES)]
            direction = "OUTBOUND" if status == "INITIATED" else direction
        # A COMPLETED call was usually answered (then it has a duration); a missed one ended without connecting.
        answered = status == "ACCEPTED" or (status == "COMPLETED" and draws.chance(80))
        ring_ms = draws.between(1_500, 25_000) if answered else None
        talk_s = (draws.between(3, 300) if draws.chance(85) else draws.between(301, 3_600)) if answered else None
        talk_s = talk_s if status == "COMPLETED" else None
        return _Call(direction, status, ring_ms, talk_s)

    def _call_id(self, created: int, position: int, draws: _Draws) -> str:
        """`call_` and a ULID: the creation millisecond, then 80 bits that end with the position (so ids are unique)."""
        value = (created % (1 << 48)) << 80 | (draws.bits() & ((1 << 48) - 1)) << 32 | position
        return "call_" + "".join(_CROCKFORD[(value >> shift) & 31] for shift in range(125, -1, -5))

    def _external_id(self, draws: _Draws, shape: _Call) -> str | None:
        if shape.status == "FAILED" and shape.direction == "OUTBOUND" and draws.chance(50):
            return None  # the provider refused the call before giving it an id
        raw = draws.bits().to_bytes(8, "big") + draws.bits().to_bytes(8, "big") + draws.bits().to_bytes(8, "big")
        if self.provider == "META":
            return "wacid." + base64.b64encode(b"\x1c\x18" + raw).decode()
        return raw[:16].hex().upper()  # Evolution GO (Pilot Status web) call ids
