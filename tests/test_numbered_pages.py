"""The lists the API numbers by page (history, unread, group messages, conversations): one page with its counts and
the next one by number, arguments checked before any request; and walks that lose nothing while the list changes
under them, proven against a server that changes it between every two requests (`tests._numbered_pages`), where the
plain page loop, page 1, 2, 3... as a caller of the official SDK writes it, repeats and skips items."""

from __future__ import annotations

import asyncio
import datetime
import json
from collections.abc import Iterator, Sequence
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pilotstatus import (
    APIResponseValidationError,
    AsyncPilotStatus,
    InvalidInputError,
    PilotStatus,
)
from pilotstatus.pagination import AsyncNumberedPage, NumberedPage
from tests._clients import BASE_URL, KEY, json_response, sync_client
from tests._numbered_pages import (
    PATHS,
    Arrive,
    Change,
    Kind,
    Move,
    NumberedServer,
    Read,
    Tick,
    instant,
    read,
    rows_at,
)


def client_for(server: NumberedServer) -> PilotStatus:
    return PilotStatus(api_key=KEY, base_url=BASE_URL, transport=server.transport())


def async_client_for(server: NumberedServer) -> AsyncPilotStatus:
    return AsyncPilotStatus(api_key=KEY, base_url=BASE_URL, transport=server.transport())


def ids(items: Sequence[Any]) -> list[str]:
    return [item.id for item in items]


def one_page(client: PilotStatus, kind: Kind, **arguments: Any) -> NumberedPage[Any]:
    """Page of the list `kind`, by its one-page method."""
    if kind == "history":
        return client.messages.history(**arguments)
    if kind == "group":
        return client.messages.group(**arguments)
    if kind == "unread":
        return client.messages.unread(**arguments)
    return client.conversations.list(**arguments)


def walk(client: PilotStatus, kind: Kind, **arguments: Any) -> Iterator[Any]:
    """The walk of the list `kind`."""
    if kind == "history":
        return client.messages.iter_history(**arguments)
    if kind == "group":
        return client.messages.iter_group(**arguments)
    if kind == "unread":
        return client.messages.iter_unread(**arguments)
    return client.conversations.iter(**arguments)


def plain_loop(client: PilotStatus, kind: Kind, page_size: int) -> list[str]:
    """Every page by number, from 1 until the last: the loop a caller of a one-page method writes."""
    page: NumberedPage[Any] | None = one_page(client, kind, page_size=page_size)
    found: list[str] = []
    while page is not None:
        found += ids(page.items)
        page = page.get_next_page()
    return found


# --- one page -------------------------------------------------------------------------------------------------------


def test_a_page_holds_its_items_the_counts_of_the_list_and_the_response() -> None:
    server = NumberedServer("history", rows_at(range(7)))
    with client_for(server) as client:
        page = client.messages.history(page=2, page_size=3)
    assert isinstance(page, NumberedPage)
    assert ids(page.items) == ["item_000003", "item_000002", "item_000001"]
    assert list(page) == page.items
    assert len(page) == 3
    assert (page.total, page.page, page.page_size, page.total_pages) == (7, 2, 3, 3)
    assert page.notice is None
    assert page.response.status_code == 200
    assert page.has_next_page()
    assert server.requests == [{"page": "2", "pageSize": "3"}]
    assert repr(page) == "<NumberedPage: page 2 of 3, 3 of 7 items>"


@pytest.mark.parametrize("kind", ["history", "group", "unread", "conversations"])
def test_each_list_asks_for_page_1_of_30_by_default(kind: Kind) -> None:
    server = NumberedServer(kind, rows_at(range(40)))
    with client_for(server) as client:
        page = one_page(client, kind)
    assert len(page) == 30
    assert server.requests == [{"page": "1", "pageSize": "30"}]


def test_get_next_page_asks_for_the_next_number_with_the_same_arguments_until_the_last() -> None:
    server = NumberedServer("group", rows_at(range(5)))
    with client_for(server) as client:
        first = client.messages.group(start_date="2026-01-29T12:00:00.001Z", page_size=2)
        pages = list(first.iter_pages())
    assert [ids(page.items) for page in pages] == [["item_000004", "item_000003"], ["item_000002", "item_000001"]]
    assert not pages[-1].has_next_page()
    assert pages[-1].get_next_page() is None
    assert [request["page"] for request in server.requests] == ["1", "2"]
    assert {request["startDate"] for request in server.requests} == {"2026-01-29T12:00:00.001Z"}


@pytest.mark.parametrize(
    ("given", "sent"),
    [
        (datetime.datetime(2026, 1, 29, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=-3))), "12:00:00.000Z"),
        ("2026-01-29T12:00:00.5+00:00", "12:00:00.500Z"),
        (datetime.datetime(2026, 1, 29, 12, 0, 0, 123456, tzinfo=datetime.UTC), "12:00:00.123456Z"),
    ],
)
def test_date_bounds_are_sent_in_utc_with_a_z_and_every_digit_given(given: datetime.datetime | str, sent: str) -> None:
    server = NumberedServer("conversations", [])
    with client_for(server) as client:
        client.conversations.list(start_date=given, end_date=given)
    assert server.requests[0]["startDate"] == server.requests[0]["endDate"] == f"2026-01-29T{sent}"


def test_the_notice_of_a_privacy_mode_list_is_kept() -> None:
    answer = {"messages": [], "total": 0, "page": 1, "pageSize": 30, "totalPages": 0, "notice": "PII_RELAY_ONLY"}
    with sync_client(lambda request: json_response(200, answer)) as client:
        page = client.messages.history()
        walked = list(client.messages.iter_history())
    assert page.notice == "PII_RELAY_ONLY"
    assert walked == []


BAD_ARGUMENTS: dict[str, tuple[dict[str, Any], str]] = {
    "page 0": ({"page": 0}, "page must be a whole number from 1, not 0"),
    "page True": ({"page": True}, "page must be a whole number from 1, not True"),
    "page_size 0": ({"page_size": 0}, "page_size=0 is outside 1..100"),
    "page_size 101": ({"page_size": 101}, "page_size=101 is outside 1..100"),
    "page_size '5'": ({"page_size": "5"}, "page_size must be a whole number from 1 to 100, not '5'"),
    "a naive start_date": ({"start_date": datetime.datetime(2026, 1, 1)}, "start_date='2026-01-01T00:00:00' has no"),
    "an end_date that is no date": ({"end_date": "yesterday"}, "end_date='yesterday' is not an ISO 8601 date-time"),
    "start_date after end_date": (
        {"start_date": "2026-01-02T00:00:00Z", "end_date": "2026-01-01T00:00:00Z"},
        r"start_date \(2026-01-02T00:00:00.000Z\) is after end_date \(2026-01-01T00:00:00.000Z\)",
    ),
}


@pytest.mark.parametrize(("arguments", "message"), BAD_ARGUMENTS.values(), ids=BAD_ARGUMENTS.keys())
def test_bad_arguments_are_refused_naming_them_before_any_request(arguments: dict[str, Any], message: str) -> None:
    server = NumberedServer("history", rows_at(range(3)))
    with client_for(server) as client:
        with pytest.raises(InvalidInputError, match=message):
            client.messages.history(**arguments)
        if "page" not in arguments:
            with pytest.raises(InvalidInputError, match=message):
                client.messages.iter_history(**arguments)  # refused at once, not at the first item
    assert server.requests == []


def test_the_walk_checks_page_size_of_a_list_without_dates_too() -> None:
    server = NumberedServer("unread", rows_at(range(3)))
    with client_for(server) as client, pytest.raises(InvalidInputError, match="page_size=0"):
        client.messages.iter_unread(page_size=0)
    assert server.requests == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"total": "7"}, "total='7': a page's counts must be whole numbers"),
        ({"totalPages": None}, "total_pages=None: a page's counts must be whole numbers"),
        ({"messages": [{"id": 7}]}, "an item with id 7: an id must be a string"),
    ],
)
def test_a_page_whose_counts_or_ids_cannot_be_relied_on_is_a_validation_error(
    change: dict[str, Any], problem: str
) -> None:
    answer = {"messages": [], "total": 0, "page": 1, "pageSize": 30, "totalPages": 0, **change}
    with (
        sync_client(lambda request: json_response(200, answer)) as client,
        pytest.raises(APIResponseValidationError, match=problem) as raised,
    ):
        client.messages.history()
    assert raised.value.status_code == 200


def test_a_walk_refuses_a_first_page_without_the_instant_it_fixes_its_window_by() -> None:
    answer = {"messages": [{"id": "m1"}, {"id": "m2"}], "total": 2, "page": 1, "pageSize": 2, "totalPages": 1}
    with (
        sync_client(lambda request: json_response(200, answer)) as client,
        pytest.raises(APIResponseValidationError, match="none of which has a provider_timestamp"),
    ):
        list(client.messages.iter_history())


# --- walks: examples --------------------------------------------------------------------------------------------------


def test_a_walk_fetches_lazily_and_asks_later_pages_up_to_just_after_the_first_pages_newest_item() -> None:
    server = NumberedServer("history", rows_at([0, 10, 20, 30, 40]), changes=[[Tick(5_000), Arrive(), Arrive()]] * 3)
    with client_for(server) as client:
        walked = client.messages.iter_history(page_size=2)
        assert server.requests == []
        first = next(walked)
        assert len(server.requests) == 1
        rest = list(walked)
    assert ids([first, *rest]) == [f"item_{n:06d}" for n in (4, 3, 2, 1, 0)]
    assert server.requests[0] == {"page": "1", "pageSize": "2"}
    # The window's end is the newest message of the first page (40 ms), one millisecond later: not the clock of
    # this machine, nor the server's, which has moved on by then.
    assert [request.get("endDate") for request in server.requests[1:]] == ["2026-01-29T12:00:00.041Z"] * 2
    assert [request["page"] for request in server.requests] == ["1", "2", "3"]


def test_the_plain_page_loop_repeats_messages_that_arrive_and_the_walk_does_not() -> None:
    changes: list[list[Change]] = [[Tick(1), Arrive()]] * 10
    with client_for(NumberedServer("history", rows_at(range(6)), changes)) as client:
        plain = plain_loop(client, "history", page_size=2)
    with client_for(NumberedServer("history", rows_at(range(6)), changes)) as client:
        walked = ids(list(client.messages.iter_history(page_size=2)))
    assert len(plain) > len(set(plain))  # each arrival pushed one message down onto the next page
    assert walked == [f"item_{n:06d}" for n in range(5, -1, -1)]


def test_the_plain_page_loop_skips_unread_messages_as_they_are_read_and_the_walk_does_not() -> None:
    """The reader reads each message it is given, before the next page is asked for: the list shrinks a page at a
    time."""
    # The reader reads each message it is given, before the next page is asked for: the list shrinks a page at a time.
    plain: list[str] = []
    server = NumberedServer("unread", rows_at(range(8)))
    with client_for(server) as client:
        page: NumberedPage[Any] | None = client.messages.unread(page_size=2)
        while page is not None:
            for message in page:
                plain.append(message.id)
                read(server, message.id)
            page = page.get_next_page()
    walked: list[str] = []
    server = NumberedServer("unread", rows_at(range(8)))
    with client_for(server) as client:
        for message in client.messages.iter_unread(page_size=2):
            walked.append(message.id)
            read(server, message.id)
    assert plain == ["item_000007", "item_000006", "item_000003", "item_000002"]  # page 2 of what was left, ...
    assert sorted(walked) == [f"item_{n:06d}" for n in range(8)]
    pages = [request["page"] for request in server.requests]
    # Page 2 came from a list 2 shorter: the walk stepped back to page 1. (Page 3 was read ahead as page 2 came, and
    # dropped once page 2's count said to step back.)
    assert pages[:4] == ["1", "2", "3", "1"]


def test_the_plain_page_loop_misses_a_conversation_when_one_above_it_moves_to_the_top_and_the_walk_does_not() -> None:
    changes: list[list[Change]] = [[Tick(1), Move(5)], [Tick(1), Move(5)], [Tick(1), Move(5)]]
    with client_for(NumberedServer("conversations", rows_at(range(6)), changes)) as client:
        plain = plain_loop(client, "conversations", page_size=2)
    with client_for(NumberedServer("conversations", rows_at(range(6)), changes)) as client:
        walked = ids(list(client.conversations.iter(page_size=2)))
    assert set(plain) != {f"item_{n:06d}" for n in range(6)} or len(plain) != len(set(plain))
    assert sorted(walked) == [f"item_{n:06d}" for n in range(6)]


def test_a_list_that_fits_on_one_page_is_walked_with_one_request() -> None:
    for kind in ("history", "group", "unread", "conversations"):
        server = NumberedServer(kind, rows_at([3, 1, 2]))
        with client_for(server) as client:
            assert sorted(ids(list(walk(client, kind)))) == ["item_000000", "item_000001", "item_000002"]
        assert server.requests == [{"page": "1", "pageSize": "100"}], kind


# --- walks: properties ----------------------------------------------------------------------------------------------

# Instants of a few milliseconds, so that many items share one; a clock that stands still (0) or moves between the
# requests; bounds anywhere.
INSTANTS = st.lists(st.integers(0, 12), max_size=24)
BOUND = st.none() | st.integers(0, 14)
PAGE_SIZES = st.integers(1, 5)
TICK = st.builds(Tick, st.integers(0, 3))
CHANGES: dict[Kind, st.SearchStrategy[Change]] = {
    "history": st.builds(Arrive) | st.builds(Arrive, st.integers(0, 14)) | TICK,  # new, or back-dated
    "group": st.builds(Arrive) | st.builds(Arrive, st.integers(0, 14)) | TICK,
    "conversations": st.builds(Arrive) | st.builds(Move, st.integers(0, 99)) | TICK,
    "unread": st.builds(Arrive) | st.builds(Read, st.integers(0, 99)) | TICK,
}


def scenario(kind: Kind) -> st.SearchStrategy[tuple[list[int], list[list[Change]], int, int]]:
    """Rows, the changes before each request after the first, the page size, and how far the clock is past the
    newest row."""
    changes = st.lists(st.lists(CHANGES[kind], max_size=4), max_size=30)
    return st.tuples(INSTANTS, changes, PAGE_SIZES, st.integers(0, 3))


def window(low: int | None, high: int | None) -> tuple[int | None, int | None]:
    return (high, low) if low is not None and high is not None and low > high else (low, high)


def server_for(kind: Kind, drawn: tuple[list[int], list[list[Change]], int, int]) -> tuple[NumberedServer, int]:
    offsets, changes, page_size, ahead = drawn
    rows = rows_at(offsets)
    return NumberedServer(kind, rows, changes, clock=max(offsets, default=0) + ahead), page_size


def bounds(low: int | None, high: int | None) -> dict[str, datetime.datetime]:
    found = {}
    if low is not None:
        found["start_date"] = instant(low)
    if high is not None:
        found["end_date"] = instant(high)
    return found


@pytest.mark.parametrize("kind", ["history", "group"])
@given(data=st.data())
def test_a_history_walk_returns_each_message_of_its_window_exactly_once_however_many_arrive(
    kind: Kind, data: st.DataObject
) -> None:
    """The window is fixed by the first page's newest message: each message in it when the walk began comes once,
    none comes twice, and none after that instant (what arrives meanwhile) comes at all."""
    server, page_size = server_for(kind, data.draw(scenario(kind)))
    low, high = window(data.draw(BOUND), data.draw(BOUND))
    there = server.listed(low, high)
    with client_for(server) as client:
        walked = ids(list(walk(client, kind, page_size=page_size, **bounds(low, high))))
    assert len(walked) == len(set(walked))
    assert {row.id for row in there} <= set(walked)
    at = {row.id: row.at for row in server.rows}
    newest = there[0].at if there else None
    assert all(newest is not None and (low is None or at[item] >= low) and at[item] <= newest for item in walked)


@given(data=st.data())
def test_a_conversations_walk_returns_each_conversation_once_though_they_move_to_the_top(data: st.DataObject) -> None:
    """Each conversation in the window when the walk began comes once (unless it moved past `end_date`), none twice,
    and none older than `start_date` comes (a conversation only ever gets newer)."""
    server, page_size = server_for("conversations", data.draw(scenario("conversations")))
    low, high = window(data.draw(BOUND), data.draw(BOUND))
    there = server.listed(low, high)
    with client_for(server) as client:
        walked = ids(list(client.conversations.iter(page_size=page_size, **bounds(low, high))))
    assert len(walked) == len(set(walked))
    at = {row.id: row.at for row in server.rows}
    assert {row.id for row in there if high is None or at[row.id] <= high} <= set(walked)
    assert all(low is None or at[item] >= low for item in walked)


@given(data=st.data())
def test_an_unread_walk_returns_each_message_unread_throughout_exactly_once(data: st.DataObject) -> None:
    """Each message unread from the walk's start to its end comes once; none comes twice, whatever is read or
    arrives meanwhile."""
    server, page_size = server_for("unread", data.draw(scenario("unread")))
    there = server.listed()
    with client_for(server) as client:
        walked = ids(list(client.messages.iter_unread(page_size=page_size)))
    assert len(walked) == len(set(walked))
    still_unread = {row.id for row in server.rows if not row.read}
    assert {row.id for row in there if row.id in still_unread} <= set(walked)
    assert set(walked) <= {row.id for row in server.rows}


@pytest.mark.parametrize("kind", ["history", "group", "unread", "conversations"])
@settings(max_examples=50)
@given(data=st.data())
def test_the_async_walk_asks_for_the_same_pages_and_returns_the_same_items(kind: Kind, data: st.DataObject) -> None:
    drawn = data.draw(scenario(kind))
    server, page_size = server_for(kind, drawn)
    with client_for(server) as client:
        walked = ids(list(walk(client, kind, page_size=page_size)))

    async def walk_async() -> list[str]:
        async with async_client_for(twin) as client:
            resource: Any = client.conversations if kind == "conversations" else client.messages
            method = "iter" if kind == "conversations" else f"iter_{kind}"
            return [item.id async for item in getattr(resource, method)(page_size=page_size)]

    twin, _ = server_for(kind, drawn)
    assert asyncio.run(walk_async()) == walked
    assert twin.requests == server.requests


def test_an_async_page_is_awaited_and_its_next_page_too() -> None:
    server = NumberedServer("unread", rows_at(range(3)))

    async def pages() -> list[list[str]]:
        async with async_client_for(server) as client:
            first = await client.messages.unread(page_size=2)
            assert isinstance(first, AsyncNumberedPage)
            return [ids(page.items) async for page in first.iter_pages()]

    assert asyncio.run(pages()) == [["item_000002", "item_000001"], ["item_000000"]]


def test_the_next_page_is_the_one_after_the_number_asked_for_whatever_page_the_answer_names() -> None:
    """A server that names every page 1 (it ignores `page`, or a proxy rewrote it) still has its 3 pages walked once
    each, rather than page 2 asked for again and again."""
    asked: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(request.url.params["page"])
        assert len(asked) <= 3, "page asked for past totalPages"
        answer = {"messages": [], "total": 5, "page": 1, "pageSize": 2, "totalPages": 3}
        return json_response(200, answer)

    with sync_client(handler) as client:
        pages = list(client.messages.history(page_size=2).iter_pages())
    assert asked == ["1", "2", "3"]
    assert [page.page for page in pages] == [1, 1, 1]  # as the server named them


def test_the_async_next_page_is_the_one_after_the_number_asked_for_too() -> None:
    asked: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(request.url.params["page"])
        assert len(asked) <= 3, "page asked for past totalPages"
        return json_response(200, {"messages": [], "total": 5, "page": 1, "pageSize": 2, "totalPages": 3})

    async def pages() -> list[AsyncNumberedPage[Any]]:
        async with AsyncPilotStatus(api_key=KEY, base_url=BASE_URL, transport=httpx.MockTransport(handler)) as client:
            first = await client.messages.history(page_size=2)
            return [page async for page in first.iter_pages()]

    assert len(asyncio.run(pages())) == 3
    assert asked == ["1", "2", "3"]


@pytest.mark.parametrize("kind", ["history", "group", "unread", "conversations"])
@pytest.mark.parametrize("reported", [6, 100, 250])
def test_a_walk_loses_nothing_when_the_answer_names_a_larger_page_size_than_it_used(kind: Kind, reported: int) -> None:
    """The server numbers its pages by the size asked for (3), but its answer says `pageSize` is larger: a walk that
    took the answer's word would step over the items between."""
    server = NumberedServer(kind, rows_at(range(10)))

    def handler(request: httpx.Request) -> httpx.Response:
        answer = json.loads(server.handler(request).content)
        return json_response(200, {**answer, "pageSize": reported})

    with PilotStatus(api_key=KEY, base_url=BASE_URL, transport=httpx.MockTransport(handler)) as client:
        walked = ids(list(walk(client, kind, page_size=3)))
    assert walked == NumberedServer.ids(10)[::-1]


@pytest.mark.parametrize("kind", ["history", "group", "unread", "conversations"])
@pytest.mark.parametrize("counted", [0, 4])
def test_a_walk_returns_every_item_listed_when_the_answers_total_counts_fewer(kind: Kind, counted: int) -> None:
    """`total` is the server's count, not the list (unread's is the sum of the conversations' unread counts, which
    the API says is not a count of the messages): a full page past it is followed by the next, until a page ends
    the list."""
    server = NumberedServer(kind, rows_at(range(10)))

    def handler(request: httpx.Request) -> httpx.Response:
        answer = json.loads(server.handler(request).content)
        return json_response(200, {**answer, "total": counted, "totalPages": -(-counted // 3)})

    with PilotStatus(api_key=KEY, base_url=BASE_URL, transport=httpx.MockTransport(handler)) as client:
        walked = ids(list(walk(client, kind, page_size=3)))
    assert walked == NumberedServer.ids(10)[::-1]


@pytest.mark.parametrize("kind", ["history", "group", "unread", "conversations"])
def test_a_walk_past_a_total_of_0_ends_when_a_page_brings_nothing_new(kind: Kind) -> None:
    """A server that ignores `page` and counts nothing: its one page is returned once, and the walk ends."""
    path = next(path for path, listed in PATHS.items() if listed == kind)
    page = NumberedServer(kind, rows_at(range(3))).handler(httpx.Request("GET", f"{BASE_URL}{path}?pageSize=3"))
    answer = json.loads(page.content)
    asked: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(request.url.params["page"])
        assert len(asked) <= 10, "the walk does not end"
        return json_response(200, {**answer, "total": 0, "totalPages": 0})

    with PilotStatus(api_key=KEY, base_url=BASE_URL, transport=httpx.MockTransport(handler)) as client:
        walked = ids(list(walk(client, kind, page_size=3)))
    assert walked == NumberedServer.ids(3)[::-1]
