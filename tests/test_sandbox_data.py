"""The sandbox's data: a deterministic, realistic call history, paged by `before` exactly as documented and without
scanning; RFC 3339 instants read to the millisecond; the optional rate limit."""

from __future__ import annotations

import datetime
import math
import operator
from collections import Counter
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pilotstatus_sandbox import CallHistory
from pilotstatus_sandbox._instants import format_ms, parse_before_ms
from pilotstatus_sandbox._rate_limit import RateLimiter

LIFECYCLE = ("startedAt", "connectedAt", "endedAt", "durationSeconds")


def created_ms(call: dict[str, Any]) -> int:
    value = parse_before_ms(call["createdAt"])
    assert value is not None
    return value


@pytest.fixture(scope="module")
def history() -> CallHistory:
    return CallHistory(count=5000, seed=7, provider="META")


def test_the_same_seed_gives_the_same_calls_and_another_seed_other_calls() -> None:
    first = list(CallHistory(count=300, seed=11, provider="META"))
    assert first == list(CallHistory(count=300, seed=11, provider="META"))
    assert [c["id"] for c in first] != [c["id"] for c in CallHistory(count=300, seed=12, provider="META")]


def test_calls_are_newest_first_with_unique_ids(history: CallHistory) -> None:
    calls = list(history)
    assert len(calls) == 5000
    assert len({call["id"] for call in calls}) == 5000
    assert all(created_ms(a) >= created_ms(b) for a, b in pairwise(calls))


def test_every_status_appears_and_lifecycle_fields_match_the_status(history: CallHistory) -> None:
    calls = list(history)
    assert set(Counter(call["status"] for call in calls)) == {
        "INITIATED", "RINGING", "ACCEPTED", "REJECTED", "COMPLETED", "FAILED"
    }  # fmt: skip
    for call in calls:
        if call["status"] == "RINGING":
            assert not set(LIFECYCLE) & set(call), call  # the documented RINGING call has none of them
        elif call["status"] in ("INITIATED", "ACCEPTED"):
            assert (call["endedAt"], call["durationSeconds"]) == (None, None), call
        elif call["connectedAt"] is None:
            assert call["durationSeconds"] is None, call  # never answered: no duration
        else:
            assert call["durationSeconds"] >= 0, call
            assert call["endedAt"] >= call["connectedAt"], call
        assert call["updatedAt"] >= call["createdAt"]
        assert not {"sdp", "sdpType"} & set(call)  # List calls never carries SDPs


def test_the_two_providers_have_their_own_call_ids() -> None:
    meta = CallHistory(count=50, seed=7, provider="META").page(limit=50, before_ms=None)
    web = CallHistory(count=50, seed=7, provider="EVO_GO").page(limit=50, before_ms=None)
    assert all(c["externalCallId"].startswith("wacid.") for c in meta if c["externalCallId"] is not None)
    assert all(len(c["externalCallId"]) == 32 for c in web if c["externalCallId"] is not None)
    assert {c["id"] for c in meta}.isdisjoint(c["id"] for c in web)


def test_the_history_has_runs_of_calls_sharing_one_millisecond(history: CallHistory) -> None:
    runs = Counter(call["createdAt"] for call in history)
    assert max(runs.values()) >= 5
    assert sum(1 for size in runs.values() if size > 1) >= 100


@given(
    count=st.integers(0, 400),
    seed=st.integers(0, 2**32),
    limit=st.integers(1, 100),
    before=st.one_of(st.none(), st.integers(0, 400)),
    offset_ms=st.sampled_from([-1, 0, 1]),
)
def test_a_page_is_the_newest_calls_strictly_before_before(
    count: int, seed: int, limit: int, before: int | None, offset_ms: int
) -> None:
    history = CallHistory(count=count, seed=seed, provider="EVO_GO")
    everything = list(history)
    # `before` near a real createdAt (on it, a millisecond either side) or past the oldest call.
    before_ms = None
    if before is not None:
        before_ms = (created_ms(everything[before]) if before < count else 0) + offset_ms
    expected = [call for call in everything if before_ms is None or created_ms(call) < before_ms][:limit]
    assert history.page(limit=limit, before_ms=before_ms) == expected


def test_finding_before_does_not_scan_the_history(monkeypatch: pytest.MonkeyPatch) -> None:
    history = CallHistory(count=200_000, seed=7, provider="META")
    looks = 0

    def counting_neg(value: int) -> int:
        nonlocal looks
        looks += 1
        return -value

    monkeypatch.setattr(operator, "neg", counting_neg)  # the key the history's bisection negates with
    before_ms = created_ms(history.call(150_000))
    page = history.page(limit=10, before_ms=before_ms)
    assert len(page) == 10
    assert created_ms(page[0]) < before_ms
    assert looks <= math.ceil(math.log2(len(history))) + 1


@given(
    instant=st.datetimes(
        min_value=datetime.datetime(1, 1, 2), max_value=datetime.datetime(9999, 12, 30), timezones=st.just(datetime.UTC)
    ),
    offset_minutes=st.integers(-23 * 60 - 59, 23 * 60 + 59),
    digits=st.integers(0, 9),
    lower=st.booleans(),
)
def test_an_rfc3339_before_is_read_as_the_next_whole_millisecond(
    instant: datetime.datetime, offset_minutes: int, digits: int, lower: bool
) -> None:
    zone = datetime.timezone(datetime.timedelta(minutes=offset_minutes))
    local = instant.astimezone(zone)
    fraction = f".{local.microsecond:06d}000"[: digits + 1] if digits else ""
    zone_text = local.strftime("%z")
    text = f"{local.year:04d}-{local:%m-%dT%H:%M:%S}{fraction}{zone_text[:3]}:{zone_text[3:]}"
    if lower:
        text = text.replace("T", "t")
    truncated = int(f"{local.microsecond:06d}000"[:digits] or 0) * 10 ** (9 - digits)  # nanoseconds kept
    whole_seconds = int(local.replace(microsecond=0).timestamp())
    assert parse_before_ms(text) == whole_seconds * 1000 + -(-truncated // 1_000_000)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-07-03T15:00:00.000Z", "2026-07-03T15:00:00.000Z"),
        ("2026-07-03T15:00:00.0001Z", "2026-07-03T15:00:00.001Z"),
        ("2026-07-03t15:00:00z", "2026-07-03T15:00:00.000Z"),
        ("2026-07-03T12:00:00-03:00", "2026-07-03T15:00:00.000Z"),
        ("2026-07-03T15:00:00.999999999999999999999Z", "2026-07-03T15:00:01.000Z"),
        ("2026-07-03T15:00:00." + "0" * 6000 + "1Z", "2026-07-03T15:00:00.001Z"),  # beyond int()'s 4,300 digits
        ("2026-07-03T15:00:00.123" + "0" * 6000 + "Z", "2026-07-03T15:00:00.123Z"),
    ],
)
def test_before_values_in_every_rfc3339_spelling(text: str, expected: str) -> None:
    value = parse_before_ms(text)
    assert value is not None
    assert format_ms(value) == expected


@pytest.mark.parametrize("text", ["", "2026-07-03", "2026-07-03T15:00:00", "yesterday", "2026-07-03T15:00:00+0300"])
def test_text_that_is_not_a_date_time_is_not_read(text: str) -> None:
    assert parse_before_ms(text) is None


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_rate_limit_allows_a_burst_then_says_how_long_to_wait() -> None:
    clock = FakeClock()
    limiter = RateLimiter(2, clock=clock)
    assert [limiter.acquire("a"), limiter.acquire("a")] == [None, None]
    assert limiter.acquire("a") == 1
    assert limiter.acquire("b") is None  # each key has its own allowance
    clock.now += 0.5
    assert limiter.acquire("a") is None
    assert limiter.acquire("a") == 1


def test_a_slow_rate_limit_asks_for_a_longer_wait() -> None:
    clock = FakeClock()
    limiter = RateLimiter(0.1, clock=clock)
    assert limiter.acquire("a") is None
    assert limiter.acquire("a") == 10
    clock.now += 4
    assert limiter.acquire("a") == 6


@pytest.mark.parametrize("rate", [0, -1, 1e-320, 0.0009, math.inf, math.nan])
def test_a_rate_limit_must_be_a_real_rate_of_at_least_one_request_in_1000_seconds(rate: float) -> None:
    with pytest.raises(ValueError, match=r"at least 0\.001"):
        RateLimiter(rate)
