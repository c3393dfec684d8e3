"""A walk of a numbered list reads the next page ahead: it sends the request of page n + 1 as soon as page n has come,
so that the server answers it while the client parses page n and the caller uses its items. Proven here: which pages
go ahead and when; that a page read ahead is handed over, and one read ahead in vain (the walk stepped back) dropped,
each request still sent one at a time; that a failure of a page read ahead is raised where the walk reaches that page,
not before; that a walk left early ends its thread (sync) or cancels its task (async); and that over a real
connection the request goes out before the page before is parsed (httpx's `trace`)."""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import gc
import logging
import threading
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from pilotstatus import APIStatusError, AsyncPilotStatus, PilotStatus, _read_ahead
from pilotstatus._read_ahead import Ask, is_out, next_ask
from pilotstatus_sandbox import Sandbox, SandboxConfig
from tests._clients import BASE_URL, KEY
from tests._numbered_pages import NumberedServer, rows_at

THREAD = "pilotstatus-read-ahead"
LINGER = 0.2


class Watched:
    """A `NumberedServer` behind a handler that records, for each request, its page and how many items the caller had
    been handed when it came; `fail_page` answers that page with a 500. A request's `trace` extension, if any, is told
    at once that the request is out, as httpcore tells it: the walk goes on meanwhile. `overlapped` counts requests
    that came while another was being answered; `linger_page` is answered only once another request came, or after
    `LINGER` seconds, so that one sent alongside it would be seen."""

    def __init__(
        self,
        server: NumberedServer,
        handed: Callable[[], int],
        fail_page: str | None = None,
        linger_page: str | None = None,
    ) -> None:
        self.server = server
        self._handed = handed
        self._fail_page = fail_page
        self._linger_page = linger_page
        self.seen: list[tuple[str, int]] = []
        self._busy = threading.Lock()
        self._came = threading.Event()
        self._came_async = asyncio.Event()
        self._busy_async = False
        self.overlapped = 0

    def handler(self, request: httpx.Request) -> httpx.Response:
        """For a sync client."""
        self._came.set()
        if not self._busy.acquire(blocking=False):
            self.overlapped += 1
            self._busy.acquire()
        try:
            page = self._record(request)
            trace = request.extensions.get("trace")
            if trace is not None:
                trace("http11.receive_response_headers.started", {})
            if page == self._linger_page:
                self._came.clear()
                self._came.wait(LINGER)
            return self._answer(page, request)
        finally:
            self._busy.release()

    async def async_handler(self, request: httpx.Request) -> httpx.Response:
        """For an async client: the same, awaiting the `trace`, and lingering without holding up the event loop."""
        self._came_async.set()
        if self._busy_async:
            self.overlapped += 1
        self._busy_async = True
        try:
            page = self._record(request)
            trace = request.extensions.get("trace")
            if trace is not None:
                await trace("http11.receive_response_headers.started", {})
            if page == self._linger_page:
                self._came_async.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._came_async.wait(), LINGER)
            return self._answer(page, request)
        finally:
            self._busy_async = False

    def _record(self, request: httpx.Request) -> str:
        page = str(request.url.params.get("page", "1"))
        self.seen.append((page, self._handed()))
        return page

    def _answer(self, page: str, request: httpx.Request) -> httpx.Response:
        if page == self._fail_page:
            return httpx.Response(500, json={"error": {"code": "INTERNAL_ERROR", "message": "boom"}})
        return self.server.handler(request)

    def pages(self) -> list[str]:
        return [page for page, _ in self.seen]


def sync_client(watched: Watched) -> PilotStatus:
    return PilotStatus(api_key=KEY, base_url=BASE_URL, transport=httpx.MockTransport(watched.handler), max_retries=0)


def async_client(watched: Watched) -> AsyncPilotStatus:
    return AsyncPilotStatus(
        api_key=KEY, base_url=BASE_URL, transport=httpx.MockTransport(watched.async_handler), max_retries=0
    )


def read_ahead_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == THREAD]


# --- which request goes ahead -----------------------------------------------------------------------------------------


def test_the_page_after_a_step_forward_with_the_same_bounds_goes_ahead() -> None:
    assert next_ask(Ask(2, None, None), Ask(3, None, None), pages=5) == Ask(4, None, None)


@pytest.mark.parametrize(
    ("previous", "asked", "pages"),
    [
        (None, Ask(1, None, None), None),  # the first page: nothing is known of the list yet
        (Ask(1, None, None), Ask(2, None, None), 2),  # the page before said this one is the last
        (Ask(1, None, None), Ask(2, None, None), 0),  # an empty list
        (Ask(3, None, None), Ask(2, None, None), 5),  # a step back: the walk is making up for a shrunk list
        (Ask(2, None, None), Ask(2, None, None), 5),  # the same page again
        (Ask(5, None, None), Ask(1, None, None), 5),  # a new pass (conversations)
    ],
)
def test_nothing_goes_ahead_where_the_walk_is_not_stepping_forward_or_the_list_ends(
    previous: Ask | None, asked: Ask, pages: int | None
) -> None:
    assert next_ask(previous, asked, pages) is None


def test_the_page_that_goes_ahead_has_the_bounds_of_the_page_asked_for_last() -> None:
    """A history walk's second page is asked with the window's end, which the first page fixed: the third goes ahead
    with it."""
    end = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    assert next_ask(Ask(1, None, None), Ask(2, None, end), pages=5) == Ask(3, None, end)


@pytest.mark.parametrize(
    ("event", "out"),
    [
        ("http11.receive_response_headers.started", True),
        ("http2.receive_response_headers.started", True),
        ("connection.connect_tcp.failed", True),
        ("http11.send_request_body.failed", True),
        ("http11.send_request_headers.started", False),
        ("http11.send_request_body.complete", False),
        ("connection.connect_tcp.complete", False),
    ],
)
def test_the_walk_stops_waiting_once_the_request_is_out_or_an_attempt_failed(event: str, out: bool) -> None:
    assert is_out(event) is out


# --- sync walks -------------------------------------------------------------------------------------------------------


def test_a_sync_walk_asks_for_each_page_after_the_second_before_it_hands_out_the_page_before_it() -> None:
    handed: list[str] = []
    watched = Watched(NumberedServer("history", rows_at(range(10))), lambda: len(handed))
    with sync_client(watched) as client:
        for message in client.messages.iter_history(page_size=2):
            handed.append(message.id)
    assert handed == [f"item_{n:06d}" for n in range(9, -1, -1)]
    # Page n + 1 is asked for as soon as page n has come, when the caller has had only the pages before n (without
    # reading ahead: all of page n too), from page 3 on: page 1 fixes the window that page 2 is asked for with.
    assert watched.seen == [("1", 0), ("2", 2), ("3", 2), ("4", 4), ("5", 6)]
    assert watched.overlapped == 0


def test_a_sync_walk_reads_nothing_ahead_past_the_last_page() -> None:
    watched = Watched(NumberedServer("unread", rows_at(range(6))), lambda: 0)
    with sync_client(watched) as client:
        assert len(list(client.messages.iter_unread(page_size=2))) == 6
    assert watched.pages() == ["1", "2", "3"]


def test_a_page_read_ahead_in_vain_is_dropped_and_the_walk_sends_one_request_at_a_time() -> None:
    """The caller reads each message it is given, so that the unread list shrinks under the walk: a page read ahead
    from before the reading is asked for again, after a step back, and nothing is lost."""
    server = NumberedServer("unread", rows_at(range(8)))
    handed: list[str] = []

    def read_it(message_id: str) -> None:
        next(row for row in server.rows if row.id == message_id).read = True

    watched = Watched(server, lambda: len(handed), linger_page="3")
    with sync_client(watched) as client:
        for message in client.messages.iter_unread(page_size=2):
            handed.append(message.id)
            read_it(message.id)
    assert sorted(handed) == [f"item_{n:06d}" for n in range(8)]
    assert len(handed) == len(set(handed))
    pages = watched.pages()
    assert pages[:4] == ["1", "2", "3", "1"]  # page 3 went ahead, then page 2's count said to step back
    assert watched.overlapped == 0


def test_a_failure_of_a_page_read_ahead_is_raised_where_the_walk_reaches_that_page() -> None:
    handed: list[str] = []
    watched = Watched(NumberedServer("history", rows_at(range(10))), lambda: len(handed), fail_page="3")
    with sync_client(watched) as client:
        walk = client.messages.iter_history(page_size=2)
        with pytest.raises(APIStatusError) as raised:
            handed.extend(message.id for message in walk)
    assert raised.value.status_code == 500
    assert len(handed) == 4  # pages 1 and 2, whole, although page 3 had failed before page 2 was handed out
    assert ("3", 2) in watched.seen


def test_a_sync_walk_left_early_ends_its_read_ahead_thread() -> None:
    before = set(read_ahead_threads())
    watched = Watched(NumberedServer("history", rows_at(range(20))), lambda: 0)
    with sync_client(watched) as client:
        walk = client.messages.iter_history(page_size=2)
        for _ in range(5):  # into page 3: page 4 has gone ahead
            next(walk)
        started = [thread for thread in read_ahead_threads() if thread not in before]
        assert len(started) == 1
        assert started[0].daemon
        del walk  # a walk dropped unfinished is closed: its thread ends
        started[0].join(timeout=30)
        assert not started[0].is_alive()
    assert watched.pages() == ["1", "2", "3", "4"]


# --- async walks ------------------------------------------------------------------------------------------------------


def test_an_async_walk_reads_ahead_as_a_sync_walk_does() -> None:
    handed: list[str] = []
    watched = Watched(NumberedServer("history", rows_at(range(10))), lambda: len(handed))

    async def walk() -> None:
        async with async_client(watched) as client:
            async for message in client.messages.iter_history(page_size=2):
                handed.append(message.id)

    asyncio.run(walk())
    assert handed == [f"item_{n:06d}" for n in range(9, -1, -1)]
    assert watched.seen == [("1", 0), ("2", 2), ("3", 2), ("4", 4), ("5", 6)]
    assert watched.overlapped == 0


def test_an_async_page_read_ahead_in_vain_is_dropped_and_nothing_is_lost() -> None:
    server = NumberedServer("unread", rows_at(range(8)))
    handed: list[str] = []
    watched = Watched(server, lambda: len(handed), linger_page="3")

    async def walk() -> None:
        async with async_client(watched) as client:
            async for message in client.messages.iter_unread(page_size=2):
                handed.append(message.id)
                next(row for row in server.rows if row.id == message.id).read = True

    asyncio.run(walk())
    assert sorted(handed) == [f"item_{n:06d}" for n in range(8)]
    assert watched.pages()[:4] == ["1", "2", "3", "1"]
    assert watched.overlapped == 0


def test_a_failure_of_an_async_page_read_ahead_is_raised_where_the_walk_reaches_that_page(
    caplog: pytest.LogCaptureFixture,
) -> None:
    handed: list[str] = []
    watched = Watched(NumberedServer("history", rows_at(range(10))), lambda: len(handed), fail_page="3")

    async def walk() -> None:
        async with async_client(watched) as client:
            async for message in client.messages.iter_history(page_size=2):
                handed.append(message.id)

    with caplog.at_level(logging.ERROR, logger="asyncio"), pytest.raises(APIStatusError):
        asyncio.run(walk())
    assert len(handed) == 4
    assert not [record for record in caplog.records if record.name == "asyncio"]


def test_an_async_walk_left_early_cancels_its_page_read_ahead_without_a_lost_exception(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The page read ahead fails, and the caller stops before it reaches it: the failure is nobody's, and asyncio
    logs no "exception was never retrieved" for it."""
    watched = Watched(NumberedServer("history", rows_at(range(10))), lambda: 0, fail_page="4")

    async def walk() -> list[str]:
        handed: list[str] = []
        async with async_client(watched) as client:
            walk = client.messages.iter_history(page_size=2)
            async for message in walk:
                handed.append(message.id)
                if len(handed) == 5:  # into page 3: page 4 has gone ahead
                    for _ in range(100):
                        await asyncio.sleep(0)  # turns for its task, which fails meanwhile
                    break
            await walk.aclose()  # type: ignore[attr-defined]
        return handed

    with caplog.at_level(logging.ERROR, logger="asyncio"):
        assert len(asyncio.run(walk())) == 5
        gc.collect()  # a task whose failure nobody took says so when it is collected
    assert "4" in watched.pages()
    assert not [record for record in caplog.records if record.name == "asyncio"]


def test_an_async_walk_cancelled_while_it_waits_for_a_page_read_ahead_in_vain_drops_it_without_a_lost_exception(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The caller reads each message it is given, so that the walk steps back after page 2 and waits for page 3, read
    ahead in vain, to be answered before it asks again for page 1. The walk is cancelled while it waits, and page 3
    then fails: the walk drops it as it ends, and asyncio logs no "exception was never retrieved" for it."""
    server = NumberedServer("unread", rows_at(range(8)))
    handed: list[str] = []
    page_2_handed = asyncio.Event()
    walking: list[asyncio.Task[None]] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        page = request.url.params["page"]
        if page == "3":
            trace = request.extensions["trace"]
            await trace("http11.receive_response_headers.started", {})
            await page_2_handed.wait()  # the walk has stepped back: it now waits for this page to be answered
            walking[0].cancel()
            return httpx.Response(500, json={"error": {"code": "INTERNAL_ERROR", "message": "boom"}})
        return server.handler(request)

    async def walk() -> None:
        transport = httpx.MockTransport(handler)
        async with AsyncPilotStatus(api_key=KEY, base_url=BASE_URL, transport=transport, max_retries=0) as client:
            async for message in client.messages.iter_unread(page_size=2):
                handed.append(message.id)
                next(row for row in server.rows if row.id == message.id).read = True
                if len(handed) == 4:
                    page_2_handed.set()

    async def main() -> None:
        walking.append(asyncio.ensure_future(walk()))
        with pytest.raises(asyncio.CancelledError):
            await walking[0]

    with caplog.at_level(logging.ERROR, logger="asyncio"):
        asyncio.run(main())
        gc.collect()  # a task whose failure nobody took says so when it is collected
    assert len(handed) == 4
    assert not [record for record in caplog.records if record.name == "asyncio"]


# --- over a real connection -------------------------------------------------------------------------------------------


class Counting(httpx.HTTPTransport):
    """Records the page of each request and how many items the caller had been handed when it was sent."""

    def __init__(self, handed: Callable[[], int]) -> None:
        super().__init__()
        self._handed = handed
        self.seen: list[tuple[str, int]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.seen.append((request.url.params.get("page", "1"), self._handed()))
        return super().handle_request(request)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(calls=0, messages=9, seed=5)) as running:
        yield running


def test_over_a_real_connection_the_page_read_ahead_is_sent_before_the_page_before_is_handed_out(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sandbox is answered through a socket, as the real API is: the read-ahead thread sends the request, and
    httpcore tells its progress through the `trace` extension the walk waits on."""
    events: list[str] = []
    trace = _read_ahead.Job.trace

    def recording(job: _read_ahead.Job, event: str, info: Any) -> None:
        events.append(event)
        trace(job, event, info)

    monkeypatch.setattr(_read_ahead.Job, "trace", recording)
    handed: list[Any] = []
    transport = Counting(lambda: len(handed))
    with PilotStatus(api_key="ps_sandbox_meta_number", base_url=sandbox.url, transport=transport) as client:
        handed.extend(client.messages.iter_history(page_size=2))
    with PilotStatus(api_key="ps_sandbox_meta_number", base_url=sandbox.url) as client:
        expected = [message.id for message in client.messages.history(page_size=100)]
    assert [message.id for message in handed] == expected
    assert len(expected) >= 6  # three pages of 2: page 3 goes ahead
    assert [page for page, _ in transport.seen] == [str(number) for number in range(1, len(transport.seen) + 1)]
    assert transport.seen[2] == ("3", 2)  # page 3 went as soon as page 2 came
    assert "http11.receive_response_headers.started" in events


def test_when_the_walk_already_waits_for_a_page_the_thread_sends_the_page_after_it_as_it_comes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Page 4 is answered only once the walk waits for it (it has taken it from the pages sent ahead): the thread then
    sends page 5 itself, before the walk has page 4. Only page 4 says that it is out before it is answered: the walk
    waits for any other page sent ahead to be answered, so that which thread sends which page does not hang on how
    the two are scheduled."""
    readers: list[_read_ahead.ReadAhead] = []
    started: list[int] = []
    init, start = _read_ahead.ReadAhead.__init__, _read_ahead.ReadAhead._start

    def recording_init(reader: _read_ahead.ReadAhead, send: Any) -> None:
        init(reader, send)
        readers.append(reader)

    def recording_start(reader: _read_ahead.ReadAhead, ask: Ask) -> None:
        started.append(ask.page)
        start(reader, ask)

    monkeypatch.setattr(_read_ahead.ReadAhead, "__init__", recording_init)
    monkeypatch.setattr(_read_ahead.ReadAhead, "_start", recording_start)
    handed: list[str] = []
    server = NumberedServer("history", rows_at(range(12)))

    def handler(request: httpx.Request) -> httpx.Response:
        page = request.url.params["page"]
        seen.append((page, len(handed)))
        trace = request.extensions.get("trace")
        if page == "4":
            assert trace is not None
            trace("http11.receive_response_headers.started", {})
            waited = threading.Event()
            while readers[0]._ahead:  # the walk has not taken page 4 yet
                waited.wait(0.001)
        return server.handler(request)

    seen: list[tuple[str, int]] = []
    transport = httpx.MockTransport(handler)
    with PilotStatus(api_key=KEY, base_url=BASE_URL, transport=transport, max_retries=0) as client:
        handed.extend(message.id for message in client.messages.iter_history(page_size=2))
    assert handed == [f"item_{n:06d}" for n in range(11, -1, -1)]
    assert ("5", 6) in seen  # before page 4 was handed out, as any page sent ahead
    # Page 5 was sent by the thread, the walk started the others: page 5 came at once, before the walk had taken it.
    assert started[:3] == [3, 4, 6]


def test_the_walk_hands_out_no_item_of_a_page_before_the_thread_has_sent_the_page_after_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As in the test before, the thread sends page 5 itself as page 4 comes; here page 5's request is held back for
    a while, or until the caller has an item of page 4, whichever comes first. Page 4 is handed over only once page
    5's request is out: the caller has no item of page 4 when page 5 is sent, however the two threads are scheduled,
    and a fake server sees the same requests at every run."""
    readers: list[_read_ahead.ReadAhead] = []
    init = _read_ahead.ReadAhead.__init__

    def recording_init(reader: _read_ahead.ReadAhead, send: Any) -> None:
        init(reader, send)
        readers.append(reader)

    monkeypatch.setattr(_read_ahead.ReadAhead, "__init__", recording_init)
    moved = threading.Condition()
    handed: list[str] = []
    seen: list[tuple[str, int]] = []
    server = NumberedServer("history", rows_at(range(10)))

    def handler(request: httpx.Request) -> httpx.Response:
        page = request.url.params["page"]
        if page == "5":  # sent by the thread as page 4 came: a walk that handed page 4 out meanwhile would show it
            with moved:
                moved.wait_for(lambda: len(handed) > 6, timeout=LINGER)
        seen.append((page, len(handed)))
        trace = request.extensions.get("trace")
        if trace is not None:
            trace("http11.receive_response_headers.started", {})
        if page == "4":  # answered once the walk waits for it: the thread sends page 5 at once
            waited = threading.Event()
            while readers[0]._ahead:
                waited.wait(0.001)
        return server.handler(request)

    transport = httpx.MockTransport(handler)
    with PilotStatus(api_key=KEY, base_url=BASE_URL, transport=transport, max_retries=0) as client:
        for message in client.messages.iter_history(page_size=2):
            with moved:
                handed.append(message.id)
                moved.notify_all()
    assert handed == [f"item_{n:06d}" for n in range(9, -1, -1)]
    assert seen == [("1", 0), ("2", 2), ("3", 2), ("4", 4), ("5", 6)]
