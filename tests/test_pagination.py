"""Paging through calls loses nothing and repeats nothing, whatever the page size and however many calls share an
instant; when a full page of 100 shares one instant it stops with `PaginationError` instead of skipping calls."""

from __future__ import annotations

import asyncio
import datetime
import random
from collections import Counter

import httpx
import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from pilotstatus import (
    AsyncPilotStatus,
    Call,
    CallPage,
    Cursor,
    PaginationError,
    PilotStatus,
)
from tests._clients import BASE_URL, KEY, json_response, sync_client
from tests._fake_api import EPOCH, FakeCallsAPI, call_body, dataset, iso


def client_for(api: FakeCallsAPI) -> PilotStatus:
    return PilotStatus(api_key=KEY, base_url=BASE_URL, transport=api.transport())


def ids(calls: list[Call]) -> list[str]:
    return [call.id for call in calls]


def newest_first(api: FakeCallsAPI) -> list[str]:
    """Every call id of the dataset, newest first (ties in any order)."""
    return [call["id"] for call in sorted(api.calls, key=lambda call: call["createdAt"], reverse=True)]


def at(ms: int) -> datetime.datetime:
    return EPOCH + datetime.timedelta(milliseconds=ms)


# --- one page -------------------------------------------------------------------------------------------------------


def test_a_page_holds_the_calls_and_the_raw_response_and_iterates_only_its_own_calls() -> None:
    api = FakeCallsAPI(dataset(range(30)))
    with client_for(api) as client:
        page = client.calls.list(limit=10)
    assert isinstance(page, CallPage)
    assert ids(page.items) == [f"call_{i}" for i in range(29, 19, -1)]
    assert list(page) == page.items
    assert len(page) == 10
    assert page.response.status_code == 200
    assert page.response.headers["content-type"] == "application/json"
    assert page.has_next_page()
    assert page.notice is None
    assert api.requests == [{"limit": "10"}]


def test_the_default_page_is_25_calls() -> None:
    api = FakeCallsAPI(dataset(range(30)))
    with client_for(api) as client:
        assert len(client.calls.list()) == 25
    assert api.requests == [{"limit": "25"}]


def test_a_short_page_is_the_last() -> None:
    with client_for(FakeCallsAPI(dataset(range(5)))) as client:
        page = client.calls.list(limit=10)
    assert len(page) == 5
    assert not page.has_next_page()
    assert page.next_cursor() is None
    assert page.get_next_page() is None


def test_the_notice_of_a_privacy_mode_list_is_kept() -> None:
    with sync_client(lambda request: json_response(200, {"calls": [], "notice": "PII_RELAY_ONLY"})) as client:
        assert client.calls.list().notice == "PII_RELAY_ONLY"


@pytest.mark.parametrize(
    ("before", "sent"),
    [
        (datetime.datetime(2026, 1, 29, 12, 0, tzinfo=datetime.UTC), "2026-01-29T12:00:00.000Z"),
        (
            datetime.datetime(2026, 1, 29, 9, 0, 0, 123456, tzinfo=datetime.timezone(datetime.timedelta(hours=-3))),
            "2026-01-29T12:00:00.124Z",
        ),
        ("2026-01-29T12:00:00Z", "2026-01-29T12:00:00.000Z"),
        ("2026-01-29T12:00:00.5z", "2026-01-29T12:00:00.500Z"),
        ("2026-01-29T09:00:00.250-03:00", "2026-01-29T12:00:00.250Z"),
        ("2026-01-29 12:00:00.999+00:00", "2026-01-29T12:00:00.999Z"),
    ],
)
def test_before_is_sent_in_utc_with_a_z_and_milliseconds(before: datetime.datetime | str, sent: str) -> None:
    api = FakeCallsAPI([])
    with client_for(api) as client:
        client.calls.list(before=before)
    assert api.requests == [{"limit": "25", "before": sent}]


def test_get_next_page_and_iter_pages_continue_from_the_cursor() -> None:
    api = FakeCallsAPI(dataset(range(25)))
    with client_for(api) as client:
        pages = list(client.calls.list(limit=10).iter_pages())
    assert [len(page) for page in pages] == [10, 10, 5]
    assert [call.id for page in pages for call in page] == newest_first(api)


def test_a_cursor_shows_where_it_stands_and_how_many_calls_it_skips() -> None:
    with client_for(FakeCallsAPI(dataset([0, 1, 1, 1, 2]))) as client:
        cursor = client.calls.list(limit=3).next_cursor()
    assert cursor == Cursor(before=at(2), seen_ids=frozenset({"call_1", "call_2"}))
    assert repr(cursor) == "Cursor(before='2026-01-29T12:00:00.002Z', seen=2)"


# --- ties -----------------------------------------------------------------------------------------------------------


def test_a_page_boundary_inside_a_group_of_equal_timestamps_loses_nothing() -> None:
    # 3 newer calls, then 10 calls at one instant, then 3 older: pages of 5 end inside the group twice.
    api = FakeCallsAPI(dataset([0, 1, 2] + [5] * 10 + [8, 9, 10]))
    with client_for(api) as client:
        got = ids(list(client.calls.iter(page_size=5)))
    assert sorted(got) == sorted(newest_first(api))
    assert len(got) == len(set(got)) == 16
    naive = naive_iteration(api, page_size=5)
    assert len(naive) < 16  # the documented cursor alone would have skipped calls


def naive_iteration(api: FakeCallsAPI, page_size: int) -> list[str]:
    """Paging with the last call's createdAt as the next `before`, as the documentation suggests."""
    got: list[str] = []
    before: str | None = None
    with httpx.Client(transport=api.transport(), base_url=BASE_URL) as http:
        while True:
            params: dict[str, str | int] = {"limit": page_size, **({"before": before} if before else {})}
            calls = http.get("/v1/calls", params=params).json()["calls"]
            got += [call["id"] for call in calls]
            if len(calls) < page_size:
                return got
            before = calls[-1]["createdAt"]


def test_a_hundred_calls_at_one_instant_stop_paging_with_a_clear_error_after_everything_newer() -> None:
    api = FakeCallsAPI(dataset([0] * 3 + [5] * 101 + [9] * 2))
    with client_for(api) as client:
        got: list[str] = []
        with pytest.raises(PaginationError) as caught:
            got.extend(call.id for call in client.calls.iter(page_size=50))
    assert caught.value.instant == at(5)
    assert "2026-01-29T12:00:00.005Z" in str(caught.value)
    assert set(got) >= {"call_104", "call_105"}  # the newer calls came first
    assert len(got) == len(set(got))


def test_ninety_nine_calls_at_one_instant_page_through_with_pages_of_any_size() -> None:
    api = FakeCallsAPI(dataset([0] * 3 + [5] * 99 + [9] * 2))
    for page_size in (1, 7, 50, 100):
        with client_for(api) as client:
            got = ids(list(client.calls.iter(page_size=page_size)))
        assert sorted(got) == sorted(newest_first(api)), page_size


def test_a_page_out_of_order_is_returned_as_the_server_sent_it() -> None:
    calls = [call_body("call_old", at(1)), call_body("call_new", at(2)), call_body("call_mid", at(1))]
    with sync_client(lambda request: json_response(200, {"calls": calls})) as client:
        page = client.calls.list(limit=3)
    assert ids(page.items) == ["call_old", "call_new", "call_mid"]
    assert page.next_cursor() == Cursor(before=at(2), seen_ids=frozenset({"call_old", "call_mid"}))


def test_the_cursor_of_an_out_of_order_page_starts_from_its_oldest_call_not_its_last() -> None:
    api = FakeCallsAPI(dataset([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), shuffle_pages=random.Random(3))
    with client_for(api) as client:
        page = client.calls.list(limit=4)
        assert sorted(ids(page.items)) == ["call_6", "call_7", "call_8", "call_9"]
        assert page.next_cursor() == Cursor(before=at(7), seen_ids=frozenset({"call_6"}))
        got = ids(list(client.calls.iter(page_size=3)))
    assert got == [f"call_{i}" for i in range(9, -1, -1)]  # newest first, each once


def test_a_page_holding_calls_not_before_before_is_returned_and_iteration_leaves_them_out() -> None:
    late, early = call_body("call_late", at(5)), call_body("call_early", at(3))
    client = sync_client(lambda request: json_response(200, {"calls": [late, early]}))
    with client:
        assert ids(client.calls.list(before=at(5)).items) == ["call_late", "call_early"]
        assert ids(list(client.calls.iter(until=at(5)))) == ["call_early"]


def test_a_server_that_ignores_before_stops_iteration_instead_of_looping_or_repeating() -> None:
    calls = [call_body(f"call_{i}", at(1000 - i)) for i in range(100)]
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        assert len(requests) < 20, "paging loops"
        return json_response(200, {"calls": calls[: int(request.url.params["limit"])]})  # the newest, always

    got: list[str] = []
    with sync_client(handler) as client:
        with pytest.raises(PaginationError, match="holds none created before"):
            got.extend(call.id for call in client.calls.iter(until=at(500), page_size=5))
        assert got == []
        assert len(requests) == 1
        with pytest.raises(PaginationError, match="already returned"):
            got.extend(call.id for call in client.calls.iter(page_size=5))
    assert got == [f"call_{i}" for i in range(6)]  # each once, newest first, then no way further
    assert len(requests) == 1 + 3


def test_a_server_that_only_repeats_calls_already_returned_stops_iteration() -> None:
    # Five calls of one millisecond; asked for more, the server sends the same five twice over.
    calls = [call_body(f"call_{i}", at(7)) for i in range(5)]

    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        assert len(requests) < 20, "paging loops"
        return json_response(200, {"calls": (calls * 20)[: int(request.url.params["limit"])]})

    got: list[str] = []
    with sync_client(handler) as client:
        with pytest.raises(PaginationError, match="already returned"):
            got.extend(call.id for call in client.calls.iter(page_size=5))
        second = client.calls.list(limit=5, before=client.calls.list(limit=5).next_cursor())
    assert got == [f"call_{i}" for i in range(5)]
    assert second.items == []  # all ten were returned before
    with pytest.raises(PaginationError):
        second.next_cursor()


def test_a_page_says_when_all_its_calls_share_one_millisecond() -> None:
    with client_for(FakeCallsAPI(dataset([3, 3, 3, 4]), shuffle_pages=random.Random(1))) as client:
        assert client.calls.list(limit=3, before=at(4)).single_millisecond() == at(3)
        assert client.calls.list(limit=4).single_millisecond() is None
        assert client.calls.list(limit=4, before=at(0)).single_millisecond() is None  # an empty page


# --- since and until ------------------------------------------------------------------------------------------------


def test_since_is_inclusive_and_until_exclusive() -> None:
    api = FakeCallsAPI(dataset([0, 1, 2, 2, 3, 4, 5]))
    with client_for(api) as client:
        got = ids(list(client.calls.iter(since=at(2), until=at(4), page_size=2)))
    assert sorted(got) == ["call_2", "call_3", "call_4"]
    assert api.requests[0]["before"] == iso(at(4))


def test_iteration_stops_at_since_without_fetching_older_pages() -> None:
    api = FakeCallsAPI(dataset(range(1000)))
    with client_for(api) as client:
        got = list(client.calls.iter(since=at(950)))
    assert len(got) == 50
    assert len(api.requests) == 1


def test_iteration_is_lazy() -> None:
    api = FakeCallsAPI(dataset(range(1000)))
    with client_for(api) as client:
        iterator = client.calls.iter(page_size=10)
        assert api.requests == []
        for _ in range(15):
            next(iterator)
    assert len(api.requests) == 2


# --- the invariant, over random datasets ----------------------------------------------------------------------------

# How many calls share each instant: mostly a few, often dozens, sometimes about a full page (100) or more.
group_sizes = st.lists(st.one_of(st.integers(1, 3), st.integers(1, 40), st.integers(95, 130)), min_size=0, max_size=8)


@given(
    data=st.data(),
    sizes=group_sizes,
    page_size=st.one_of(st.integers(1, 100), st.sampled_from([1, 2, 99, 100])),
    shuffle_seed=st.none() | st.integers(min_value=0, max_value=2**16),
    page_order_seed=st.none() | st.integers(min_value=0, max_value=2**16),
)
def test_iteration_yields_every_call_in_range_exactly_once_newest_first_or_raises_exactly_when_an_instant_is_full(
    data: st.DataObject, sizes: list[int], page_size: int, shuffle_seed: int | None, page_order_seed: int | None
) -> None:
    # Instant k is k milliseconds after EPOCH: neighbouring instants are one millisecond apart.
    offsets_ms = data.draw(st.permutations([k for k, size in enumerate(sizes) for _ in range(size)]), "dataset order")
    bounds = st.none() | st.integers(-1, len(sizes) + 1)
    since, until = data.draw(bounds, "since"), data.draw(bounds, "until")
    if since is not None and until is not None and since > until:
        since, until = until, since
    api = FakeCallsAPI(
        dataset(offsets_ms),
        shuffle_ties=None if shuffle_seed is None else random.Random(shuffle_seed),
        shuffle_pages=None if page_order_seed is None else random.Random(page_order_seed),
    )
    in_range = [
        (ms, f"call_{i}")
        for i, ms in enumerate(offsets_ms)
        if (since is None or ms >= since) and (until is None or ms < until)
    ]
    crowded = [ms for ms, count in Counter(ms for ms, _ in in_range).items() if count >= 100]
    event("an instant holds 100 or more calls" if crowded else "every instant fits on a page")
    event("ties reordered on every request" if shuffle_seed is not None else "ties in a fixed order")
    event("each page in a random order" if page_order_seed is not None else "pages newest first")

    got: list[Call] = []
    raised: PaginationError | None = None
    with client_for(api) as client:
        try:
            got.extend(
                client.calls.iter(
                    since=None if since is None else at(since),
                    until=None if until is None else at(until),
                    page_size=page_size,
                )
            )
        except PaginationError as error:
            raised = error

    if raised is None:
        assert not crowded, "an instant of 100 or more calls was paged through"
        assert sorted(ids(got)) == sorted(call_id for _, call_id in in_range)
    else:
        assert crowded, "raised without an instant holding 100 calls"
        assert raised.instant == at(max(crowded))
        assert {call_id for ms, call_id in in_range if ms > max(crowded)} <= set(ids(got))
        assert set(ids(got)) <= {call_id for _, call_id in in_range}, "a call outside the range was yielded"
    assert len(ids(got)) == len(set(ids(got))), "a call was yielded twice"
    created = [call.created_at for call in got]
    assert created == sorted(created, reverse=True), "not newest first"


# --- async ----------------------------------------------------------------------------------------------------------


def test_the_async_client_pages_the_same_way() -> None:
    api = FakeCallsAPI(dataset([0, 1, 2] + [5] * 10 + [8, 9, 10]))

    async def main() -> tuple[list[str], list[int]]:
        async with AsyncPilotStatus(api_key=KEY, base_url=BASE_URL, transport=api.transport()) as client:
            got = [call.id async for call in client.calls.iter(page_size=5)]
            first = await client.calls.list(limit=4)
            sizes = [len(page) async for page in first.iter_pages()]
            assert [call async for call in first] == first.items  # a page yields its own calls, and no more
            return got, sizes

    got, sizes = asyncio.run(main())
    assert sorted(got) == sorted(newest_first(api))
    assert len(got) == len(set(got))
    assert sum(sizes) == 16
