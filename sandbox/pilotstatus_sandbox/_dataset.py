"""A number's call history: deterministic from a seed, realistic, and paged by `before` without scanning.

Only the `createdAt` of every call is kept in memory (8 bytes a call, newest first); the other fields of a call are
drawn when a page holds it, from a hash of (seed, position), so a call reads the same on every request and a
history of a million calls costs 8 MB. `before` is found by binary search, so a page costs the same at any size.

The history has what a client must cope with: calls in every status, RINGING calls with no lifecycle fields at
all, unanswered calls with null `connectedAt` and `durationSeconds`, and runs of calls that share one `createdAt`
millisecond (bursts of two to seven, and rare bulk runs of 20 to 60), which a naive `before` cursor loses.

The timestamps are drawn in bulk, so that a history of a million calls is built in a fraction of a second: the
history's seed feeds SHAKE-256 (an extendable-output hash, the same bytes on every machine and Python version),
whose output is read as little-endian 16-bit draws, two per distinct instant. Each draw picks its value from a
table of 65,536 entries laid out by the distribution's weights: the run length (one call in 95 % of instants,
2 to 7 in 4.9 %, 20 to 60 in 0.1 %) and the gap to the next older instant (1 to 999 ms in 10 %, 1 s to 15 min in
90 %). Instants are the running difference of the gaps from `newest`. Instant i always reads bytes 4i to 4i + 3
of the stream, so a shorter history with the same seed is the start of a longer one.

A call's JSON, as List calls writes it, is rendered once and kept in a bounded cache (`RENDERED_CALLS` calls a
history, the most recently listed): a page of calls already listed is a join of their texts, and a history of a
million calls still holds only the cache's few megabytes beside its timestamps. The history never changes, so a
kept text is never stale (a call the sandbox changes is the Calls area's, held apart: `calls/models.py`).

Each call's ids say where it is, so that a call is found by id without an index: the `call_` id is a ULID whose
last 32 bits are the position, and the provider id (`externalCallId`: Meta's `wacid.` and base64, Evolution GO's
32 upper-case hex digits) ends with four bytes holding the position, scrambled by a bijection keyed by the seed
so that it still reads as random. `position_of` decodes an id and accepts it only when the call at that position
has exactly that id: a forged or altered id finds nothing.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import operator
import sys
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, repeat
from typing import Any, Literal, NamedTuple

from ._encoded import encode_json
from ._instants import DEFAULT_NEWEST, format_ms

__all__ = ["DEFAULT_NEWEST", "RENDERED_CALLS", "CallHistory", "Provider", "Rendered"]

Provider = Literal["META", "EVO_GO"]


_MASK = (1 << 64) - 1
_MASK32 = (1 << 32) - 1
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CROCKFORD_VALUES = {digit: value for value, digit in enumerate(_CROCKFORD)}
_CALL_ID_LENGTH = len("call_") + 26
_META_PREFIX = b"\x1c\x18"
_EVO_GO_ID_LENGTH = 32
_AREA_CODES = (11, 12, 13, 19, 21, 27, 31, 41, 47, 48, 51, 61, 62, 71, 81, 85, 91, 92)
_STATUSES = ("INITIATED", "RINGING", "ACCEPTED", "REJECTED", "COMPLETED", "FAILED")
_LIVE_CALLS = 24
"""Only this many of the newest calls can still be in progress (INITIATED, RINGING, ACCEPTED); older ones ended."""
RENDERED_CALLS = 8192
"""The calls of a history whose JSON is kept (the most recently listed): more than the 5,000 of a default history,
and about 6 MB at most whatever the history's size (measured: some 700 bytes a call, text, id and cache entry)."""


class Rendered(NamedTuple):
    """A history call as a page lists it: its `id` (to tell whether the sandbox has changed it) and its JSON."""

    id: str
    json: bytes


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


def _table(parts: Sequence[tuple[int, int, int]]) -> list[int]:
    """A lookup table for a 16-bit draw: each part `(entries, low, high)` spreads `low..high` evenly over its entries,
    so a uniform draw lands in a part with probability `entries / 65536`."""
    table = [low + entry * (high - low + 1) // entries for entries, low, high in parts for entry in range(entries)]
    assert len(table) == 1 << 16, "the parts of a table cover every 16-bit draw"
    return table


_RUN_LENGTHS = _table([(62_259, 1, 1), (3_211, 2, 7), (66, 20, 60)])
"""Calls sharing one instant: one (95 %), a burst of 2 to 7 (4.9 %), a bulk run of 20 to 60 (0.1 %)."""
_LONE = _RUN_LENGTHS.count(1)
"""Draws below this give a run of one call."""
_GAPS_MS = _table([(6_554, 1, 999), (58_982, 1_000, 900_000)])
"""Milliseconds from an instant to the next older one: seconds to minutes, and within a second one time in ten."""
_BLOCK = 1 << 18
"""Instants drawn at a time: the step of the progress a large history shows while it is drawn."""


def _draws16(seed: int, count: int) -> array[int]:
    """`count` 16-bit draws from the seed: SHAKE-256's output read little-endian, whatever the machine's byte order."""
    draws = array("H", hashlib.shake_256(b"pilotstatus-sandbox createdAt " + seed.to_bytes(8, "big")).digest(2 * count))
    assert draws.itemsize == 2, "array('H') holds 16-bit values"
    if sys.byteorder == "big":
        draws.byteswap()
    return draws


def _created_ms(count: int, seed: int, newest: int, on_progress: Callable[[int], None] | None = None) -> array[int]:
    """`createdAt` of `count` calls in milliseconds, newest first, in runs that share one millisecond. Drawn a block
    of instants at a time, each block's calls handed to `on_progress` as a count."""
    created: array[int] = array("q")
    if count == 0:
        return created
    # Two draws per instant (its run length, its gap to the next older one); no more instants than calls are needed.
    draws = _draws16(seed, 2 * count)
    instant = newest
    for start in range(0, count, _BLOCK):
        stop = min(start + _BLOCK, count)
        run_draws = draws[2 * start : 2 * stop : 2]
        gaps = map(_GAPS_MS.__getitem__, draws[2 * start + 1 : 2 * stop : 2])
        distinct = array("q", accumulate(gaps, operator.sub, initial=instant))
        instant = distinct.pop()  # the first instant of the next block
        # Most instants hold one call: copy them in slices, repeating only the instants of a run.
        drawn = len(created)
        at = 0
        for run_at in compress(range(len(run_draws)), map(operator.le, repeat(_LONE), run_draws)):
            created.extend(distinct[at:run_at])
            created.extend(repeat(distinct[run_at], _RUN_LENGTHS[run_draws[run_at]]))
            at = run_at + 1
        created.extend(distinct[at:])
        if on_progress is not None:
            on_progress(min(len(created), count) - drawn)
        if len(created) >= count:
            break
    del created[count:]
    return created


_SCRAMBLE_STEPS = (0x7FEB352D, 0x846CA68B)
"""The odd multipliers of `_scramble`, those of the lowbias32 integer hash: neighbouring positions get unrelated
endings."""
_UNSCRAMBLE_STEPS = tuple(pow(multiplier, -1, 1 << 32) for multiplier in reversed(_SCRAMBLE_STEPS))


def _scramble(position: int, key: int) -> int:
    """A bijection of 32-bit values keyed by `key`: how a provider id carries its call's position."""
    value = position ^ key
    for multiplier in _SCRAMBLE_STEPS:
        value = (value * multiplier) & _MASK32
        value ^= value >> 16
    return value


def _unscramble(value: int, key: int) -> int:
    """The inverse of `_scramble`, its steps undone in reverse order: a 16-bit xorshift of 32 bits is its own
    inverse, and a multiplication by an odd number is undone by the number's inverse modulo 2**32."""
    for inverse in _UNSCRAMBLE_STEPS:
        value ^= value >> 16
        value = (value * inverse) & _MASK32
    return value ^ key


@dataclass(frozen=True)
class _Call:
    """How one call went: the shape from which its JSON fields follow."""

    direction: str
    status: str
    ring_ms: int | None
    talk_s: int | None


class CallHistory:
    """The calls of one number, newest first."""

    def __init__(
        self,
        *,
        count: int,
        seed: int,
        provider: Provider,
        newest: int = DEFAULT_NEWEST,
        on_progress: Callable[[int], None] | None = None,
    ) -> None:
        """The history of `count` calls drawn from `seed`; `on_progress`, when given, is told each block of calls
        drawn, as a count."""
        if count < 0:
            raise ValueError(f"a history holds zero or more calls, not {count}")
        if count > 1 << 32:
            raise ValueError(f"a history holds at most 2**32 calls (an id has 32 bits for the position), not {count}")
        self.provider = provider
        self._seed = _mix(seed ^ (0x0E7A if provider == "META" else 0x0EB0))
        self._created = _created_ms(count, self._seed, newest, on_progress)
        self.rendered = lru_cache(maxsize=RENDERED_CALLS)(self._render)
        """The call at a position as a page lists it (`Rendered`): drawn and encoded once, while it stays among the
        `RENDERED_CALLS` most recently asked for."""

    def __len__(self) -> int:
        return len(self._created)

    def page(self, *, limit: int, before_ms: int | None) -> list[dict[str, Any]]:
        """Up to `limit` calls created strictly before `before_ms` (all calls when None), newest first."""
        return [self.call(position) for position in self.positions(limit=limit, before_ms=before_ms)]

    def positions(self, *, limit: int, before_ms: int | None) -> range:
        """The positions of the calls of `page`: up to `limit` calls created strictly before `before_ms`."""
        # Negated, the newest-first timestamps ascend: the first call before `before_ms` is found by bisection.
        start = 0 if before_ms is None else bisect.bisect_right(self._created, -before_ms, key=operator.neg)
        return range(start, min(start + limit, len(self._created)))

    def created_ms(self, position: int) -> int:
        """When the call at `position` was created, in milliseconds: what a page is ordered by."""
        return self._created[position]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        """Every call, newest first: what a complete listing must return."""
        return (self.call(position) for position in range(len(self._created)))

    def position_of(self, call_id: str) -> int | None:
        """The position of the call whose `id` or `externalCallId` is `call_id`, or None when no call of this history
        has it. Constant time: the position is read from the id, then the call there is drawn and must have that id."""
        position = self._decoded_position(call_id)
        if position is None or position >= len(self._created):
            return None
        call = self.call(position)
        return position if call_id in (call["id"], call["externalCallId"]) else None

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
            "externalCallId": self._external_id(draws, shape, position),
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

    def _render(self, position: int) -> Rendered:
        call = self.call(position)
        return Rendered(call["id"], encode_json(call))

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

    def _external_id(self, draws: _Draws, shape: _Call, position: int) -> str | None:
        """The provider's call id: random bytes, then the position scrambled into four bytes."""
        if shape.status == "FAILED" and shape.direction == "OUTBOUND" and draws.chance(50):
            return None  # the provider refused the call before giving it an id
        raw = b"".join(draws.bits().to_bytes(8, "big") for _ in range(3))
        where = _scramble(position, self._seed & _MASK32).to_bytes(4, "big")
        if self.provider == "META":
            return "wacid." + base64.b64encode(_META_PREFIX + raw[:20] + where).decode()
        return (raw[:12] + where).hex().upper()  # Evolution GO (Pilot Status web) call ids

    def _decoded_position(self, call_id: str) -> int | None:
        """The position an id of this history's kinds says, or None when it is not one: nothing is checked but the
        shape needed to read the position (the caller compares the whole id with the call's)."""
        if len(call_id) == _CALL_ID_LENGTH and call_id.startswith("call_"):
            value = 0
            for digit in call_id[-7:]:  # 35 bits: the position's 32 and 3 of the random part
                if digit not in _CROCKFORD_VALUES:
                    return None
                value = value << 5 | _CROCKFORD_VALUES[digit]
            return value & _MASK32
        try:
            if self.provider == "META" and call_id.startswith("wacid."):
                raw = base64.b64decode(call_id[len("wacid.") :], validate=True)
                if len(raw) != len(_META_PREFIX) + 24:
                    return None
            elif self.provider == "EVO_GO" and len(call_id) == _EVO_GO_ID_LENGTH:
                raw = bytes.fromhex(call_id)
            else:
                return None
        except ValueError:  # not base64, not hexadecimal, or not ASCII
            return None
        return _unscramble(int.from_bytes(raw[-4:], "big"), self._seed & _MASK32)
