"""The hand-written methods of `calls`: `list()` and `iter()`, which page through the number's calls with a cursor.

The generated `Calls` and `AsyncCalls` (`resources/_generated/calls.py`) extend these classes; every other method
of theirs is generated from the spec. What is written here is what a generator cannot give: a page that fetches the
next one, a `before` sent in the API's own spelling, a walk that returns each call exactly once.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import httpx

from pilotstatus._constants import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from pilotstatus._operations import Operation, RequestSpec
from pilotstatus._resource import AsyncAPIResource, SyncAPIResource
from pilotstatus._timestamps import ceil_ms, format_instant, to_instant
from pilotstatus.pagination import AsyncCallPage, CallPage, Cursor, Window, check_calls, check_page_size
from pilotstatus_api.api.calls import get_calls
from pilotstatus_api.models.call import Call
from pilotstatus_api.models.call_list import CallList

__all__ = ["LIST", "AsyncCallsMixin", "Before", "CallsMixin", "Until"]

LIST = Operation(get_calls, CallList.from_dict)

Before = datetime.datetime | str | Cursor | None
"""A `before` argument: an aware datetime or ISO 8601 string (calls created strictly before it), or a `Cursor`."""

Until = datetime.datetime | str | Cursor | None
"""An `until` argument of `iter()`: an aware datetime or ISO 8601 string (exclusive), or a `Cursor` to continue from."""


class CallsMixin(SyncAPIResource):
    """`calls.list()` and `calls.iter()`, of `Calls`."""

    def list(self, *, limit: int = DEFAULT_PAGE_SIZE, before: Before = None) -> CallPage:
        """Fetch one page of calls.

        Args:
            limit: how many calls, 1..100 (default 25).
            before: only calls created strictly before this instant (an aware datetime or an ISO 8601 string with
                a zone), or the `Cursor` from a previous page's `next_cursor()`.

        Iterating the page yields its calls and no more; `page.get_next_page()` fetches the next one.
        """
        query = _ListQuery.of(limit, before)
        spec = query.spec(self._client._prepare(LIST, query={"limit": query.request_limit}))
        return CallPage(**self._client._request(spec, query.page_fields), fetch=self._fetch)

    def iter(
        self,
        *,
        since: datetime.datetime | str | None = None,
        until: Until = None,
        page_size: int = MAX_PAGE_SIZE,
    ) -> Iterator[Call]:
        """Every call created in [`since`, `until`), newest first, each exactly once, fetched lazily page by page.

        Args:
            since: the oldest instant included (inclusive); default: from the first call.
            until: the instant after the newest call included (exclusive); default: up to now. A `Cursor` (from
                `page.next_cursor()`, or `Cursor.resume()` after an interruption) continues from it instead: the
                first request is `list(before=cursor)`, so the calls it has already seen are left out, and
                `cursor.before` is the window's exclusive upper bound.
            page_size: calls per request, 1..100 (default 100).

        Arguments are checked at once; calls are fetched as the loop asks for them. Raises `PaginationError` when a full
        page of the API's largest size (100) shares one instant, instead of skipping any of its calls.
        """
        window = Window.of(since, until)
        # The calls of each page in turn, a page fetched when the one before is used up: `chain` hands out the calls
        # of a page itself, where a generator yielding each call would be resumed once a call.
        return itertools.chain.from_iterable(self._pages(window, check_page_size(page_size, "page_size")))

    def _pages(self, window: Window, page_size: int) -> Iterator[Sequence[Call]]:
        """The calls of each page of the window, newest first (`Window.select`), each page fetched when asked for."""
        page = self.list(limit=page_size, before=window.start)
        while True:
            calls, reached_since = window.select(page)
            yield calls
            cursor = None if reached_since else page.next_cursor()
            if cursor is None:
                return
            page = self._fetch(page_size, cursor)

    def _fetch(self, limit: int, cursor: Cursor) -> CallPage:
        return self.list(limit=limit, before=cursor)


class AsyncCallsMixin(AsyncAPIResource):
    """`calls.list()` and `calls.iter()`, of `AsyncCalls`: the same, with `await` (and `async for` over `iter()`)."""

    async def list(self, *, limit: int = DEFAULT_PAGE_SIZE, before: Before = None) -> AsyncCallPage:
        """Fetch one page of calls. The arguments are those of `PilotStatus.calls.list()`."""
        query = _ListQuery.of(limit, before)
        spec = query.spec(self._client._prepare(LIST, query={"limit": query.request_limit}))
        return AsyncCallPage(**await self._client._request(spec, query.page_fields), fetch=self._fetch)

    def iter(
        self,
        *,
        since: datetime.datetime | str | None = None,
        until: Until = None,
        page_size: int = MAX_PAGE_SIZE,
    ) -> AsyncIterator[Call]:
        """Every call created in [`since`, `until`), newest first, each exactly once: `async for call in ...`.

        The arguments are those of `PilotStatus.calls.iter()` (`until` may be a `Cursor` to continue from), and are
        checked at once.
        """
        window = Window.of(since, until)
        return self._iter(window, check_page_size(page_size, "page_size"))

    async def _iter(self, window: Window, page_size: int) -> AsyncIterator[Call]:
        page = await self.list(limit=page_size, before=window.start)
        while True:
            calls, reached_since = window.select(page)
            for call in calls:
                yield call
            cursor = None if reached_since else page.next_cursor()
            if cursor is None:
                return
            page = await self._fetch(page_size, cursor)

    async def _fetch(self, limit: int, cursor: Cursor) -> AsyncCallPage:
        return await self.list(limit=limit, before=cursor)


@dataclass(frozen=True)
class _ListQuery:
    """A checked `list()` request: the page size asked for, and where the page starts."""

    limit: int
    cursor: Cursor | None
    before: datetime.datetime | None

    @classmethod
    def of(cls, limit: int, before: Before) -> _ListQuery:
        limit = check_page_size(limit, "limit")
        if isinstance(before, Cursor):
            return cls(limit, before, before.before)
        if before is None:
            return cls(limit, None, None)
        # `createdAt` has whole milliseconds, so rounding a finer bound up selects the same calls.
        return cls(limit, None, ceil_ms(to_instant(before, "before")))

    @property
    def request_limit(self) -> int:
        """The `limit` to send: more than asked when a cursor leaves out calls it has already returned."""
        return self.cursor.request_limit(self.limit) if self.cursor is not None else self.limit

    def spec(self, prepared: RequestSpec) -> RequestSpec:
        """The prepared request, with `before` in the API's own spelling (the generated code would send Python's
        `isoformat()`: `+00:00` and microseconds)."""
        if self.before is not None:
            prepared["params"]["before"] = format_instant(self.before)
        return prepared

    def page_fields(self, response: httpx.Response) -> dict[str, Any]:
        """The parsed and checked body of `response`, as the fields of a page. (The client turns any failure here
        into an `APIResponseValidationError`.)"""
        call_list = CallList.from_dict(response.json())
        check_calls(call_list.calls, response)
        notice = call_list.notice
        return {
            "calls": call_list.calls,
            "notice": notice,
            "response": response,
            "limit": self.limit,
            "before": self.before,
            "cursor": self.cursor,
        }
