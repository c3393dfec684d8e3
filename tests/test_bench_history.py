"""`make bench`'s history walk keeps working: the prepared-pages server answers Message history as the spec describes
it and takes a user's messages at the top; the official SDK's page loop and ours are driven as the bench says; a
walk while a user writes is counted right (ours: the window, each once; the official loop: its duplicates); the
report states the goal's verdict and whether the sandbox's listing is the bottleneck.

It asserts nothing about speed: the numbers are for `make bench` to report, not for a test to judge."""

from __future__ import annotations

import datetime
import io
import os
from collections.abc import Iterator
from contextlib import redirect_stdout
from pathlib import Path

import httpx
import pytest

from tests._spec import component_schema, load_spec, response_schema, validator
from tools.bench_history import (
    PREPARED,
    SANDBOX,
    HistoryWalk,
    Server,
    Timed,
    WhileWriting,
    count_httpx_alone,
    count_ours,
    count_peer,
    history_ids,
    ours_ids,
    peer_pages,
    report,
    while_writing,
)
from tools.bench_server import History, Pages, format_ms, instant_us, message_json, prepared_messages, serving
from tools.bench_walk import KEY

pytestmark = pytest.mark.proof  # `make bench`'s own tools, with servers of their own: in `make test-slow`

MESSAGES = prepared_messages(450, seed=3, ties=0.3)
NEWEST_FIRST = sorted(
    MESSAGES, key=lambda message: (str(message["providerTimestamp"]), str(message["id"])), reverse=True
)


@pytest.fixture
def history() -> History:
    return History(MESSAGES)


@pytest.fixture
def served(history: History) -> Iterator[Server]:
    """The prepared-pages server of `history`, in this process, as the bench's `Server`."""
    with serving(Pages([]), history=history) as server:
        yield Server(PREPARED, "plain HTTP", server.base_url, None, KEY, os.getpid())


def get(server: Server, **params: str | int) -> httpx.Response:
    return httpx.get(f"{server.url}/v1/messages/history", params=params, headers={"x-api-key": KEY})


def test_the_prepared_messages_are_history_rows_of_the_spec_of_every_kind() -> None:
    check = validator(component_schema("HistoryMessage"))
    for message in MESSAGES:
        check.validate(message)
    assert {message["direction"] for message in MESSAGES} == {"INBOUND", "OUTBOUND"}
    assert {message["status"] for message in MESSAGES} == {"READ", "DELIVERED", "SENT", "FAILED"}
    assert any(message["media"] for message in MESSAGES)
    assert any(message["repliedToExternalId"] for message in MESSAGES)
    failed = [message for message in MESSAGES if message["status"] == "FAILED"]
    assert all(message["externalMessageId"] is None and message["sentAt"] is None for message in failed)
    instants = [str(message["providerTimestamp"]) for message in MESSAGES]
    assert instants == sorted(instants)  # oldest first
    assert len(set(instants)) < len(instants)  # some share a millisecond: the order then rests on the id


def test_the_server_pages_the_history_newest_first_ties_by_id_each_message_once(served: Server) -> None:
    page_schema = validator(response_schema(load_spec(), "/v1/messages/history", "get", "200", "application/json"))
    rows = []
    for number in range(1, 6):
        body = get(served, page=number, pageSize=100).json()
        page_schema.validate(body)
        assert (body["total"], body["page"], body["pageSize"], body["totalPages"]) == (450, number, 100, 5)
        rows += body["messages"]
    assert rows == NEWEST_FIRST
    past = get(served, page=6, pageSize=100).json()
    assert (past["messages"], past["total"], past["totalPages"]) == ([], 450, 5)
    assert get(served).json()["messages"] == NEWEST_FIRST[:30]  # page 1 of 30 by default


def test_the_server_dates_are_inclusive_to_the_microsecond(served: Server) -> None:
    middle = str(NEWEST_FIRST[200]["providerTimestamp"])
    instant = datetime.datetime.fromisoformat(str(middle))
    micro = datetime.timedelta(microseconds=1)

    def listed(**params: str) -> list[object]:
        return [row["id"] for row in get(served, pageSize=100, page=1, **params).json()["messages"]]

    def total(**params: str) -> int:
        count: int = get(served, **params).json()["total"]
        return count

    at = [message["id"] for message in NEWEST_FIRST if message["providerTimestamp"] == middle]
    assert listed(startDate=middle, endDate=middle) == at
    older = [message["id"] for message in NEWEST_FIRST if str(message["providerTimestamp"]) <= str(middle)]
    assert listed(endDate=middle) == older[:100]
    assert total(endDate=middle) == len(older)
    assert total(endDate=(instant - micro).isoformat()) == len(older) - len(at)
    assert total(startDate=middle) == 450 - len(older) + len(at)
    assert total(startDate=(instant + micro).isoformat()) == 450 - len(older)


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"page": 0}, 400),
        ({"pageSize": 101}, 400),
        ({"pageSize": "ten"}, 400),
        ({"startDate": "yesterday"}, 400),
        ({"endDate": "2026-01-29T12:00:00"}, 400),  # no zone
        ({"startDate": "2026-01-29T12:00:00Z", "endDate": "2026-01-29T11:00:00Z"}, 400),
        ({"page": 2, "pageSize": 100}, 200),
    ],
)
def test_the_server_refuses_what_the_api_refuses(served: Server, params: dict[str, str | int], status: int) -> None:
    assert get(served, **params).status_code == status


def test_the_server_wants_a_key(served: Server) -> None:
    assert httpx.get(f"{served.url}/v1/messages/history").status_code == 401


def test_a_users_message_arrives_at_the_top_newer_than_every_other_and_unread(served: Server) -> None:
    response = httpx.post(f"{served.url}/_bench/messages", headers={"x-api-key": KEY})
    assert response.status_code == 201
    arrived = response.json()
    validator(component_schema("HistoryMessage")).validate(arrived)
    assert (arrived["direction"], arrived["status"], arrived["readAt"]) == ("INBOUND", "DELIVERED", None)
    assert instant_us(arrived["providerTimestamp"]) > instant_us(str(NEWEST_FIRST[0]["providerTimestamp"]))
    body = get(served, pageSize=2).json()
    assert body["messages"] == [arrived, NEWEST_FIRST[0]]
    assert body["total"] == 451


def test_a_message_arriving_in_the_same_millisecond_as_the_newest_comes_a_millisecond_later() -> None:
    future_ms = instant_us("2100-01-01T00:00:00Z") // 1000
    history = History([message_json(0, future_ms)])
    assert history.add()["providerTimestamp"] == format_ms(future_ms + 1)
    assert history.count == 2


def test_every_walker_gets_the_whole_history_once_from_a_list_nothing_is_written_to(served: Server) -> None:
    expected = [message["id"] for message in NEWEST_FIRST]
    assert history_ids(served) == expected
    assert ours_ids(served) == expected
    assert [message["id"] for page in peer_pages(served) for message in page] == expected
    assert count_ours(served) == count_peer(served) == count_httpx_alone(served) == 450


class Busy(History):
    """A history a user writes to before every page but the first is answered: what a loop over numbered pages meets
    while messages keep arriving, made the same on every run."""

    def page(self, page: int, page_size: int, first_us: int | None = None, last_us: int | None = None) -> bytes:
        if self.count > len(MESSAGES) or page > 1:  # not before the walk's first page
            self.add()
        return super().page(page, page_size, first_us, last_us)


def test_the_official_loop_gets_a_message_twice_for_each_arrival_before_a_page_and_misses_none() -> None:
    with serving(Pages([]), history=Busy(MESSAGES)) as server:
        walked = Server(PREPARED, "plain HTTP", server.base_url, None, KEY, os.getpid())
        pages = list(peer_pages(walked))
    ids = [message["id"] for page in pages for message in page]
    # One arrival before each of pages 2 to 5 pushes the list down one row: each of them repeats the row that ended
    # the page before. The list has grown to 454 rows, still 5 pages.
    assert [len(page) for page in pages] == [100, 100, 100, 100, 54]
    assert len(ids) - len(set(ids)) == 4
    assert {message["id"] for message in MESSAGES} <= set(ids)


def test_our_walk_returns_the_window_each_once_while_a_message_arrives_before_every_page() -> None:
    with serving(Pages([]), history=Busy(MESSAGES)) as server:
        walked = Server(PREPARED, "plain HTTP", server.base_url, None, KEY, os.getpid())
        assert ours_ids(walked) == [message["id"] for message in NEWEST_FIRST]


def test_a_walk_while_a_user_writes_counts_the_window_the_rows_and_the_writes(served: Server) -> None:
    ours = while_writing(served, "ours", interval=0.001)
    assert ours.exact
    assert (ours.window, ours.returned, ours.duplicates, ours.missed, ours.outside) == (450, 450, 0, 0, 0)
    assert ours.written > 0
    official = while_writing(served, "official", interval=0.001)
    assert official.window == 450 + ours.written  # the history holds what was written during the walk before
    assert official.written > 0
    assert official.missed == 0
    assert official.returned == official.distinct + official.duplicates


def test_a_walk_while_writing_is_exact_only_for_the_window_each_once() -> None:
    assert WhileWriting(window=10, returned=10, distinct=10, missed=0, outside=0, written=3).exact
    assert not WhileWriting(window=10, returned=11, distinct=10, missed=0, outside=0, written=3).exact
    assert not WhileWriting(window=10, returned=10, distinct=10, missed=1, outside=1, written=3).exact
    assert not WhileWriting(window=10, returned=9, distinct=9, missed=1, outside=0, written=3).exact


def timed(kind: str, scheme: str, ours: list[float], peer: list[float], cpu: float | None) -> Timed:
    ca = Path("ca.pem") if scheme == "HTTPS" else None
    server = Server(kind, scheme, "https://127.0.0.1:1", ca, KEY, 1)
    spent = {"ours": cpu, "peer": cpu, "floor": cpu}
    return Timed(server, ours, peer, [value / 2 for value in ours], spent)


def test_the_ratios_are_medians_of_the_rounds_and_the_cpu_is_spread_over_every_page() -> None:
    result = timed(SANDBOX, "HTTPS", [0.2, 0.3, 0.1], [0.4, 0.4, 0.4], 0.12)
    assert result.ratio == pytest.approx(0.5)  # of 0.5, 0.75, 0.25
    assert result.over_floor == pytest.approx(2.0)
    assert result.cpu_a_page("ours", pages=10) == pytest.approx(0.12 / (10 * 3))
    assert result.busy == pytest.approx(0.12 / 0.6)
    assert timed(SANDBOX, "HTTPS", [0.2], [0.4], None).cpu_a_page("peer", pages=10) is None
    # Every walker asks for a page of each 100 messages, and for one (empty) when there are none.
    assert [HistoryWalk(count, 1, [], []).pages for count in (10_000, 450, 100, 0)] == [100, 5, 1, 1]


def printed(walk: HistoryWalk) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        report(walk, seconds=12.0)
    return out.getvalue()


def test_the_report_gives_the_goals_verdict_over_https_and_says_what_the_sandbox_costs_the_walk() -> None:
    window = WhileWriting(window=100, returned=100, distinct=100, missed=0, outside=0, written=7)
    official = WhileWriting(window=100, returned=106, distinct=100, missed=0, outside=0, written=8)
    walks = [
        timed(PREPARED, "HTTPS", [0.1], [0.4], 0.001),
        timed(PREPARED, "plain HTTP", [0.1], [0.05], 0.001),
        timed(SANDBOX, "HTTPS", [0.5], [0.7], 0.4),
        timed(SANDBOX, "plain HTTP", [0.4], [0.5], 0.3),
    ]
    text = printed(HistoryWalk(100, 1, walks, [(walks[2].server, window, official)]))
    assert "ours / official = 0.250 (goal <= 0.6): met" in text
    assert "ours / official = 2.000 (information)" in text
    assert "ours / official = 0.714 (goal <= 0.6): NOT MET" in text
    assert "server CPU a page: ours 400.00 ms, official 400.00 ms, httpx alone 400.00 ms; busy 80% of our walk" in text
    assert "(what the sandbox's listing adds to our walk): HTTPS 5.00, plain HTTP 4.00" in text
    assert (
        "The sandbox's listing is what our walk waits for: 80% of the walk's time, its server busy 80% of it." in text
    )
    assert "ours         100 returned of a window of 100: each once (7 written during the walk, 0 of them" in text
    assert "official     106 returned of a window of 100: 6 twice, 0 missed, 0 from outside it (8 written" in text
    quiet = printed(HistoryWalk(100, 1, [walks[0], timed(SANDBOX, "HTTPS", [0.15], [0.7], 0.03)], []))
    assert "(what the sandbox's listing adds to our walk): HTTPS 1.50" in quiet
    assert "not the bottleneck: 33% of our walk's time at most, its server busy 20% of it; the client's own" in quiet
