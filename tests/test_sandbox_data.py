"""The sandbox's data: a deterministic, realistic call history, paged by `before` exactly as documented and without
scanning; RFC 3339 instants read to the millisecond; the optional rate limit."""

from __future__ import annotations

import datetime
import hashlib
import math
import operator
import string
from collections import Counter
from itertools import groupby, pairwise
from typing import Any, Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pilotstatus_sandbox import CallHistory
from pilotstatus_sandbox._dataset import _draws16, _scramble, _unscramble
from pilotstatus_sandbox._instants import format_ms, parse_before_ms
from pilotstatus_sandbox._rate_limit import RateLimiter

LIFECYCLE = ("startedAt", "connectedAt", "endedAt", "durationSeconds")
PROVIDERS = ("META", "EVO_GO")


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
    created = list(history._created)
    # `before` near a real createdAt (on it, a millisecond either side) or past the oldest call.
    before_ms = None
    if before is not None:
        before_ms = (created[before] if before < count else 0) + offset_ms
    # The oracle scans every call; only the calls it keeps are drawn in full.
    kept = [position for position, ms in enumerate(created) if before_ms is None or ms < before_ms][:limit]
    expected = [history.call(position) for position in kept]
    assert all(before_ms is None or created_ms(call) < before_ms for call in expected)
    assert history.page(limit=limit, before_ms=before_ms) == expected


@pytest.fixture(scope="module")
def large_history() -> CallHistory:
    return CallHistory(count=200_000, seed=7, provider="META")


def test_finding_before_does_not_scan_the_history(large_history: CallHistory, monkeypatch: pytest.MonkeyPatch) -> None:
    history = large_history
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


def test_runs_are_bursts_of_two_to_seven_or_rare_bulk_runs_of_20_to_60(large_history: CallHistory) -> None:
    runs = [len(list(calls)) for _, calls in groupby(large_history._created)]
    assert sum(runs) == len(large_history)
    assert set(runs[:-1]) <= {*range(1, 8), *range(20, 61)}  # the oldest run may be cut short by the count
    assert set(range(2, 8)) <= set(runs)
    bulk = sum(1 for size in runs if size >= 20)
    assert 0 < bulk < len(runs) / 500  # rare: about one instant in a thousand
    assert 0.15 < sum(size for size in runs if size > 1) / len(large_history) < 0.3  # about one call in five


def test_instants_are_seconds_to_minutes_apart_and_sometimes_within_a_second(large_history: CallHistory) -> None:
    instants = sorted(set(large_history._created), reverse=True)
    gaps = [newer - older for newer, older in pairwise(instants)]
    assert min(gaps) >= 1
    assert max(gaps) <= 900_000
    within_a_second = sum(1 for gap in gaps if gap < 1000) / len(gaps)
    assert 0.05 < within_a_second < 0.15
    assert max(gaps) > 600_000  # minutes apart, too


@given(
    seed=st.integers(0, 2**64),
    provider=st.sampled_from(PROVIDERS),
    shorter=st.integers(0, 3000),
    longer=st.integers(0, 3000),
)
def test_a_shorter_history_is_the_start_of_a_longer_one_with_the_same_seed(
    seed: int, provider: Literal["META", "EVO_GO"], shorter: int, longer: int
) -> None:
    shorter, longer = sorted((shorter, longer))
    short = CallHistory(count=shorter, seed=seed, provider=provider)
    long = CallHistory(count=longer, seed=seed, provider=provider)
    assert list(short._created) == list(long._created[:shorter])  # the rest of a call follows from its position


def test_the_calls_of_a_shorter_history_are_the_newest_of_a_longer_one() -> None:
    assert list(CallHistory(count=300, seed=3, provider="EVO_GO")) == CallHistory(
        count=1000, seed=3, provider="EVO_GO"
    ).page(limit=300, before_ms=None)


def test_a_history_drawn_in_blocks_is_the_one_the_seed_always_gave() -> None:
    """600,000 calls span several blocks of instants: the history is the one drawn whole before blocks were used."""
    history = CallHistory(count=600_000, seed=7, provider="META")
    created = b"".join(ms.to_bytes(8, "little", signed=True) for ms in history._created)
    assert hashlib.sha256(created).hexdigest() == "8e9d7011767ab7e6591deab3d5aa84500b131cb52ec879d704d104a84cc7cc65"


# A block of 262,144 instants holds about 330,000 calls.
@pytest.mark.parametrize(("count", "blocks"), [(0, 0), (1, 1), (1000, 1), (600_000, 2)])
def test_drawing_a_history_reports_each_block_of_calls_drawn(count: int, blocks: int) -> None:
    drawn: list[int] = []
    CallHistory(count=count, seed=7, provider="EVO_GO", on_progress=drawn.append)
    assert sum(drawn) == count
    assert all(calls > 0 for calls in drawn)
    assert len(drawn) == blocks


def test_the_draws_read_the_hash_little_endian_on_every_machine() -> None:
    draws = _draws16(12345, 1000)
    stream = hashlib.shake_256(b"pilotstatus-sandbox createdAt " + (12345).to_bytes(8, "big")).digest(2000)
    assert list(draws) == [int.from_bytes(stream[i : i + 2], "little") for i in range(0, 2000, 2)]


@pytest.mark.parametrize("count", [-1, 2**32 + 1])
def test_a_history_holds_zero_to_2_to_the_32_calls(count: int) -> None:
    with pytest.raises(ValueError, match="history holds"):
        CallHistory(count=count, seed=7, provider="META")


@given(position=st.integers(0, 2**32 - 1), key=st.integers(0, 2**32 - 1))
def test_the_position_in_a_provider_id_is_scrambled_reversibly(position: int, key: int) -> None:
    scrambled = _scramble(position, key)
    assert 0 <= scrambled < 2**32
    assert _unscramble(scrambled, key) == position


def test_neighbouring_positions_give_unlike_provider_id_endings() -> None:
    endings = [_scramble(position, 0x5EED) for position in range(1000)]
    assert len(set(endings)) == 1000
    assert sum(1 for a, b in pairwise(endings) if (a ^ b).bit_count() < 6) < 50  # not a visible counter


def test_every_call_is_found_by_its_id_and_by_its_provider_id(history: CallHistory) -> None:
    web = CallHistory(count=1000, seed=7, provider="EVO_GO")
    for calls in (history, web):
        for position, call in enumerate(calls):
            assert calls.position_of(call["id"]) == position
            if call["externalCallId"] is not None:
                assert calls.position_of(call["externalCallId"]) == position


@given(seed=st.integers(0, 2**64), provider=st.sampled_from(PROVIDERS), data=st.data())
def test_any_history_finds_its_calls_by_either_id(
    seed: int, provider: Literal["META", "EVO_GO"], data: st.DataObject
) -> None:
    history = CallHistory(count=100, seed=seed, provider=provider)
    position = data.draw(st.integers(0, 99))
    call = history.call(position)
    assert history.position_of(call["id"]) == position
    if call["externalCallId"] is not None:
        assert history.position_of(call["externalCallId"]) == position


ID_SHAPES = st.one_of(
    st.text(),
    st.from_regex(r"call_[0-9A-Z]{26}", fullmatch=True),
    st.from_regex(r"wacid\.[A-Za-z0-9+/]{34}==?", fullmatch=True),
    st.from_regex(r"[0-9A-F]{32}", fullmatch=True),
)


@given(provider=st.sampled_from(PROVIDERS), call_id=ID_SHAPES)
def test_a_string_that_is_no_calls_id_finds_nothing(provider: Literal["META", "EVO_GO"], call_id: str) -> None:
    assert CallHistory(count=50, seed=7, provider=provider).position_of(call_id) is None


@given(
    provider=st.sampled_from(PROVIDERS),
    position=st.integers(0, 49),
    external=st.booleans(),
    index=st.integers(0, 100),
    replacement=st.sampled_from(string.ascii_letters + string.digits + "+/=_.-"),
)
def test_an_id_with_one_character_changed_finds_nothing(
    provider: Literal["META", "EVO_GO"], position: int, external: bool, index: int, replacement: str
) -> None:
    history = CallHistory(count=50, seed=7, provider=provider)
    call = history.call(position)
    real = call["externalCallId"] if external and call["externalCallId"] is not None else call["id"]
    index %= len(real)
    forged = real[:index] + replacement + real[index + 1 :]
    if forged != real:
        assert history.position_of(forged) is None, (real, forged)


def test_ids_of_another_history_or_past_the_end_find_nothing() -> None:
    meta = CallHistory(count=50, seed=7, provider="META")
    longer = CallHistory(count=100, seed=7, provider="META")
    strangers = [
        *CallHistory(count=50, seed=8, provider="META"),  # another seed
        *CallHistory(count=50, seed=7, provider="EVO_GO"),  # the other number
        *(longer.call(position) for position in range(50, 100)),  # the same seed, past this history's end
    ]
    ids = [call[field] for call in strangers for field in ("id", "externalCallId") if call[field] is not None]
    assert len(ids) > 250
    assert [call_id for call_id in ids if meta.position_of(call_id) is not None] == []


def test_a_provider_id_in_another_spelling_finds_nothing() -> None:
    web = CallHistory(count=50, seed=7, provider="EVO_GO")
    meta = CallHistory(count=50, seed=7, provider="META")
    web_ids = [call["externalCallId"] for call in web if call["externalCallId"] is not None]
    meta_ids = [call["externalCallId"] for call in meta if call["externalCallId"] is not None]
    assert all(web.position_of(call_id.lower()) is None for call_id in web_ids)
    assert all(web.position_of(" ".join(call_id)) is None for call_id in web_ids)  # bytes.fromhex skips spaces
    assert all(meta.position_of(call_id.rstrip("=")) is None for call_id in meta_ids)
    assert all(meta.position_of(call_id.lower()) is None for call in meta for call_id in [call["id"]])


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
