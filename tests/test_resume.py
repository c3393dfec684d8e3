"""Continuing after calls already consumed: `Cursor.resume()` and `calls.iter(until=cursor)`.

An interrupted consumer (an export killed half-way, say) knows only what it has consumed. Resuming from the last
call's `createdAt` and the ids consumed in that millisecond must give every other call exactly once, in order, even
when the interruption falls inside a run of calls sharing one millisecond and the API orders that run differently
on every request.
"""

from __future__ import annotations

import asyncio
import datetime
import random
from collections import Counter
from collections.abc import Sequence

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from pilotstatus import AsyncPilotStatus, Call, Cursor, InvalidInputError, PilotStatus
from pilotstatus._timestamps import floor_ms
from tests._clients import BASE_URL, KEY
from tests._fake_api import EPOCH, FakeCallsAPI, dataset, iso


def client_for(api: FakeCallsAPI) -> PilotStatus:
    return PilotStatus(api_key=KEY, base_url=BASE_URL, transport=api.transport())


def async_client_for(api: FakeCallsAPI) -> AsyncPilotStatus:
    return AsyncPilotStatus(api_key=KEY, base_url=BASE_URL, transport=api.transport())


def at(ms: int) -> datetime.datetime:
    return EPOCH + datetime.timedelta(milliseconds=ms)


def ids(calls: Sequence[Call]) -> list[str]:
    return [call.id for call in calls]


def resume_after(consumed: Sequence[Call]) -> Cursor:
    """The cursor after `consumed`, from what a consumer keeps: the last call's createdAt and the ids of its
    millisecond."""
    last = consumed[-1].created_at
    return Cursor.resume(
        last.isoformat(), {call.id for call in consumed if floor_ms(call.created_at) == floor_ms(last)}
    )


def assert_each_call_once_newest_first(got: Sequence[Call], api: FakeCallsAPI) -> None:
    assert Counter(ids(got)) == Counter(call["id"] for call in api.calls)
    created = [call.created_at for call in got]
    assert created == sorted(created, reverse=True)


# Three calls, then runs of 7 and 12 calls sharing one millisecond, then three more: interruptions inside runs.
TIES = [0, 1, 2] + [5] * 7 + [6] + [8] * 12 + [9, 10, 11]


# --- Cursor.resume --------------------------------------------------------------------------------------------------


def test_resume_asks_from_the_millisecond_after_the_last_call_and_leaves_out_the_calls_seen_in_it() -> None:
    cursor = Cursor.resume("2026-01-29T12:00:00.005Z", ["call_a", "call_b"])
    assert cursor.before == at(6)
    assert cursor.seen_ids == frozenset({"call_a", "call_b"})


@pytest.mark.parametrize(
    "last",
    [
        at(5),
        at(5) + datetime.timedelta(microseconds=999),  # a finer createdAt still belongs to its millisecond
        "2026-01-29T12:00:00.005Z",
        "2026-01-29T12:00:00.005+00:00",
        "2026-01-29T09:00:00.005-03:00",
        at(5).astimezone(datetime.timezone(datetime.timedelta(hours=5, minutes=30))),
    ],
)
def test_resume_takes_the_last_created_at_as_a_datetime_or_a_string_in_any_zone(last: datetime.datetime | str) -> None:
    assert Cursor.resume(last, frozenset()) == Cursor(before=at(6))


@pytest.mark.parametrize("seen_ids", [["call_1"], ("call_1",), {"call_1"}, frozenset({"call_1"}), {"call_1": 1}.keys()])
def test_resume_takes_the_seen_ids_as_any_collection_of_strings(seen_ids: Sequence[str]) -> None:
    assert Cursor.resume(at(5), seen_ids).seen_ids == frozenset({"call_1"})


@pytest.mark.parametrize(
    ("last", "seen_ids", "message"),
    [
        ("yesterday", [], "last_created_at='yesterday' is not an ISO 8601"),
        ("2026-01-29T12:00:00", [], "has no time zone"),
        (datetime.datetime(2026, 1, 29), [], "has no time zone"),
        (1769688000, [], "must be a datetime or an ISO 8601 string"),
        (datetime.datetime.max.replace(tzinfo=datetime.UTC), [], "end of the range of dates"),
        (at(5), "call_1", "seen_ids must be a collection of call ids, not str"),
        (at(5), 7, "seen_ids must be a collection of call ids, not int"),
        (at(5), [1, 2], "seen_ids must hold call ids"),
        (at(5), [["call_1"]], "seen_ids must hold call ids"),
    ],
)
def test_resume_refuses_bad_input_with_an_error_naming_it(last: object, seen_ids: object, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        Cursor.resume(last, seen_ids)  # type: ignore[arg-type]


# --- calls.iter(until=cursor) ---------------------------------------------------------------------------------------


def test_iter_from_a_cursor_first_asks_for_the_page_before_it_with_room_for_the_calls_it_leaves_out() -> None:
    api = FakeCallsAPI(dataset(TIES))
    cursor = Cursor.resume(at(8), {"call_11", "call_12"})
    with client_for(api) as client:
        got = list(client.calls.iter(until=cursor, page_size=5))
    assert api.requests[0] == {"limit": "7", "before": iso(at(9))}
    assert set(ids(got)) == {call["id"] for call in api.calls if call["createdAt"] <= iso(at(8))} - cursor.seen_ids


def test_iter_from_a_cursor_keeps_since_and_the_cursor_bounds_the_window() -> None:
    api = FakeCallsAPI(dataset(TIES))
    with client_for(api) as client:
        got = list(client.calls.iter(since=at(2), until=Cursor(before=at(6)), page_size=3))
    assert sorted(call.created_at for call in got) == [at(2)] + [at(5)] * 7


def test_iter_from_a_cursor_checks_its_arguments_at_once() -> None:
    with client_for(FakeCallsAPI([])) as client:
        with pytest.raises(InvalidInputError, match="is after until"):
            client.calls.iter(since=at(7), until=Cursor(before=at(6)))
        with pytest.raises(InvalidInputError, match="page_size=0"):
            client.calls.iter(until=Cursor(before=at(6)), page_size=0)


def test_iter_from_a_page_next_cursor_continues_that_page() -> None:
    api = FakeCallsAPI(dataset(TIES))
    with client_for(api) as client:
        full = list(client.calls.iter())
        page = client.calls.list(limit=15)  # ends inside the run of 12
        cursor = page.next_cursor()
        assert cursor is not None
        rest = list(client.calls.iter(until=cursor, page_size=4))
    assert ids(page.items) + ids(rest) == ids(full)


@pytest.mark.parametrize("seed", [None, *range(5)])
def test_an_interruption_inside_a_run_of_equal_timestamps_resumes_with_each_call_exactly_once(seed: int | None) -> None:
    api = FakeCallsAPI(dataset(TIES), shuffle_ties=None if seed is None else random.Random(seed))
    with client_for(api) as client:
        full = list(client.calls.iter(page_size=4))
        for k in range(1, len(full)):
            consumed = list(client.calls.iter(page_size=4))[:k]
            resumed = list(client.calls.iter(until=resume_after(consumed), page_size=4))
            assert_each_call_once_newest_first(consumed + resumed, api)
            if seed is None:  # ties in a fixed order: the very same sequence
                assert ids(consumed + resumed) == ids(full)


def test_resuming_after_the_last_call_yields_nothing() -> None:
    api = FakeCallsAPI(dataset(TIES))
    with client_for(api) as client:
        full = list(client.calls.iter())
        assert list(client.calls.iter(until=resume_after(full))) == []


def test_the_async_client_resumes_from_a_cursor_the_same_way() -> None:
    api = FakeCallsAPI(dataset(TIES), shuffle_ties=random.Random(3))

    async def main() -> None:
        async with async_client_for(api) as client:
            full = [call async for call in client.calls.iter(page_size=4)]
            for k in range(1, len(full)):
                consumed = [call async for call in client.calls.iter(page_size=4)][:k]
                cursor = resume_after(consumed)
                resumed = [call async for call in client.calls.iter(until=cursor, page_size=4)]
                assert_each_call_once_newest_first(consumed + resumed, api)
            with pytest.raises(InvalidInputError, match="is after until"):
                client.calls.iter(since=at(7), until=Cursor(before=at(6)))

    asyncio.run(main())


# --- the invariant, over random datasets ----------------------------------------------------------------------------

# How many calls share each millisecond: mostly a few, often dozens, up to 99 (100 cannot be paged at all).
group_sizes = st.lists(st.one_of(st.integers(1, 3), st.integers(1, 30), st.integers(90, 99)), min_size=1, max_size=6)


@given(
    data=st.data(),
    sizes=group_sizes,
    page_size=st.one_of(st.integers(1, 100), st.sampled_from([1, 2, 99, 100])),
    shuffle_seed=st.none() | st.integers(min_value=0, max_value=2**16),
    use_async=st.booleans(),
)
def test_the_consumed_prefix_and_the_resumed_rest_are_the_full_iteration_wherever_it_is_interrupted(
    data: st.DataObject, sizes: list[int], page_size: int, shuffle_seed: int | None, use_async: bool
) -> None:
    offsets_ms = data.draw(st.permutations([k for k, size in enumerate(sizes) for _ in range(size)]), "dataset order")
    since = data.draw(st.none() | st.integers(0, len(sizes)), "since")
    api = FakeCallsAPI(dataset(offsets_ms), shuffle_ties=None if shuffle_seed is None else random.Random(shuffle_seed))
    start = None if since is None else at(since)

    def iterate(until: Cursor | None) -> list[Call]:
        if use_async:

            async def collect() -> list[Call]:
                async with async_client_for(api) as client:
                    return [call async for call in client.calls.iter(since=start, until=until, page_size=page_size)]

            return asyncio.run(collect())
        with client_for(api) as client:
            return list(client.calls.iter(since=start, until=until, page_size=page_size))

    full = iterate(None)
    k = data.draw(st.integers(1, len(full)), "interrupted after") if full else 0
    consumed = full[:k] if shuffle_seed is None else iterate(None)[:k]
    event(
        "interrupted inside a run of equal timestamps"
        if k < len(full) and full[k].created_at == full[k - 1].created_at
        else "interrupted between instants"
    )
    resumed = iterate(resume_after(consumed)) if consumed else iterate(None)

    got = consumed + resumed
    expected = [call["id"] for call, ms in zip(api.calls, offsets_ms, strict=True) if since is None or ms >= since]
    assert Counter(ids(got)) == Counter(expected), "a call was lost or repeated"
    created = [call.created_at for call in got]
    assert created == sorted(created, reverse=True), "not newest first"
    if shuffle_seed is None:
        assert ids(got) == ids(full)
