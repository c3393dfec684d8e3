"""Pages of calls, and the cursor that makes paging through them lose nothing; pages of the lists the API numbers
(messages, conversations), and the walks that lose nothing of them while they change. The paging rules live here and
nowhere else.

The API pages `GET /v1/calls` with `before`, meaning "created strictly before this instant", newest first, and
returns no next-page cursor. The obvious cursor, the last call's `createdAt`, skips every call that shares that
instant but did not fit on the page. The `Cursor` here starts from the oldest instant on the page (the smallest
`createdAt`, so that the order of the calls inside a page does not matter), asks again from just after it (one
millisecond later: the API records `createdAt` to the millisecond) and remembers the ids it has already returned from
that millisecond, so that the next page repeats nothing and skips nothing. It asks for that many more calls, up to
the API's maximum of 100, so that a page still brings `limit` new ones where it can (a page of 100 brings 99).

A page cannot always be paged past. When a full page of 100 calls (the API's maximum) shares one millisecond, the
calls of that millisecond beyond the page are out of reach of any `before`; and a full page that brings nothing the
cursor has not already seen (no call before its `before`, or only calls already returned) would be asked for again
forever. Asking for the next page then raises `PaginationError` instead of skipping calls or looping.

The numbered lists (`page`, `pageSize`: message history, unread and group messages, conversations) are newest first
and numbered anew at each request, so a message that arrives during a walk pushes the others down a page, one that
is read leaves the unread list and pulls them up, and a conversation that gets a message moves to the top. A
`NumberedPage` is one page as the server numbered it; the walks (`walk()`, behind `messages.iter_history()` and the
others) ask for pages with rules that make up for it: a history's window ends at the newest item of the first page,
what was already returned is dropped by id, the walk steps back when the list's `total` shrinks, and a list whose
items move is passed over again from the newest instant of the pass before (see `_Walk`). A walk sends each page's
request before it parses the page that came (`_read_ahead`).
"""

from __future__ import annotations

import datetime
import functools
import itertools
import operator
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import httpx

from ._constants import MAX_PAGE_SIZE, MIN_PAGE_SIZE
from ._exceptions import APIResponseValidationError, InvalidInputError, PaginationError
from ._operations import Operation, RequestSpec
from ._read_ahead import Ask, AsyncSend, AsyncTrace, ReadAhead, Send, Sent, Trace, drop, next_ask, send_ahead
from ._resource import AsyncClient, SyncClient
from ._timestamps import MILLISECOND, ceil_ms, floor_ms, format_instant, to_instant

if TYPE_CHECKING:
    import asyncio

    from pilotstatus_api.models.call import Call

__all__ = ["AsyncCallPage", "AsyncNumberedPage", "CallPage", "Cursor", "NumberedList", "NumberedPage"]


@dataclass(frozen=True)
class Cursor:
    """Where the next page of calls starts: the `before` to send, and the calls at the page boundary's millisecond
    that were already returned, which the next page leaves out.

    Get one from `page.next_cursor()`, or from `Cursor.resume()` to continue after calls already consumed, and pass
    it as `calls.list(before=cursor)` or `calls.iter(until=cursor)`.
    """

    before: datetime.datetime
    seen_ids: frozenset[str] = field(default=frozenset(), repr=False)

    def __post_init__(self) -> None:
        # Checked and rounded like any `before` argument, since a cursor can be built by hand (to resume, say).
        object.__setattr__(self, "before", ceil_ms(to_instant(self.before, "Cursor.before")))
        seen_ids: object = self.seen_ids
        if isinstance(seen_ids, (str, bytes)) or not isinstance(seen_ids, (set, frozenset, list, tuple)):
            raise InvalidInputError(f"Cursor.seen_ids must be a set of call ids, not {type(seen_ids).__name__}.")
        if not all(isinstance(call_id, str) for call_id in seen_ids):
            raise InvalidInputError("Cursor.seen_ids must hold call ids (strings) only.")
        object.__setattr__(self, "seen_ids", frozenset(seen_ids))

    def __repr__(self) -> str:
        return f"Cursor(before={format_instant(self.before)!r}, seen={len(self.seen_ids)})"

    @classmethod
    def resume(cls, last_created_at: datetime.datetime | str, seen_ids: Iterable[str]) -> Cursor:
        """The cursor that continues after calls already consumed, newest first: say, the calls an interrupted
        export had written.

        Args:
            last_created_at: the `createdAt` of the last call consumed (an aware datetime or an ISO 8601 string).
            seen_ids: the ids of the consumed calls created in that same millisecond (the last call's included).
                Calls of that millisecond not listed here come again; they cannot be told apart otherwise, since
                the API orders calls of one millisecond arbitrarily.

        The cursor asks from one millisecond after `last_created_at` and leaves out `seen_ids`, so that
        `calls.iter(until=Cursor.resume(...))` yields exactly the calls not yet consumed, each once.
        """
        last = floor_ms(to_instant(last_created_at, "last_created_at"))
        try:
            before = last + MILLISECOND
        except OverflowError:
            raise InvalidInputError(
                f"last_created_at={format_instant(last)!r} is the end of the range of dates: no instant follows it."
            ) from None
        if isinstance(seen_ids, (str, bytes)) or not isinstance(seen_ids, Iterable):
            raise InvalidInputError(f"seen_ids must be a collection of call ids, not {type(seen_ids).__name__}.")
        try:
            ids = frozenset(seen_ids)
        except TypeError:  # an unhashable item: not a call id
            ids = None
        if ids is None or not all(isinstance(call_id, str) for call_id in ids):
            raise InvalidInputError("seen_ids must hold call ids (strings) only.")
        return cls(before=before, seen_ids=ids)

    def request_limit(self, limit: int) -> int:
        """The `limit` to send so that, after dropping the calls already seen, up to `limit` new ones remain."""
        return min(MAX_PAGE_SIZE, limit + len(self.seen_ids))

    def unseen(self, calls: list[Call]) -> list[Call]:
        """`calls` without those this cursor has already returned."""
        seen = self.seen_ids  # a local: read once, not once per call
        if not seen:
            return calls
        return [call for call in calls if call.id not in seen]

    @classmethod
    def after(cls, calls: Sequence[Call], before: datetime.datetime | None, previous: Cursor | None) -> Cursor:
        """The cursor after a full response `calls` (in any order) to a request with `before` (that of `previous`,
        the cursor the request was made with, if any). Raises `PaginationError` when the page cannot be paged past.
        """
        # Newest first, as the server sends them: sorting a page already in that order is one pass, and then each
        # step finds its calls at one end of the list rather than in a pass over the whole page.
        ordered = sorted(calls, key=_created_at, reverse=True)
        start = 0
        while before is not None and start < len(ordered) and ordered[start].created_at >= before:
            start += 1
        reachable = ordered[start:]
        if not reachable:
            raise PaginationError(
                f"A full page of {len(calls)} calls holds none created before {_instant(before)}, so no `before`"
                " would reach further. Paging stops here rather than ask for the same page again.",
                instant=before,
            )
        # The oldest instant's millisecond. (Calls of one instant share it whatever their zone: an ISO 8601 offset
        # is whole minutes, or seconds at most.)
        boundary = floor_ms(reachable[-1].created_at)
        try:
            next_before: datetime.datetime | None = to_instant(boundary + MILLISECOND, "createdAt")  # a whole ms
        except (OverflowError, InvalidInputError):
            next_before = None  # the end of the range of dates: raised below, after the check that comes first
        at_boundary = []  # the calls of that millisecond: the oldest ones, those before the next millisecond
        for call in reversed(reachable):
            if next_before is not None and call.created_at >= next_before:
                break
            if floor_ms(call.created_at) == boundary:
                at_boundary.append(call.id)
        if len(calls) >= MAX_PAGE_SIZE and len(at_boundary) == len(reachable):
            raise PaginationError(
                f"At least {len(calls)} calls share createdAt {format_instant(boundary)}: that fills the API's largest"
                f" page ({MAX_PAGE_SIZE}), so any further calls of that instant cannot be reached with `before`."
                " Paging stops here rather than skip them.",
                instant=boundary,
            )
        if next_before is None:
            raise PaginationError(
                f"A full page ends at createdAt {boundary.isoformat()}, the end of the range of dates: there is no"
                " instant after it to page from.",
                instant=boundary,
            )
        seen = set(previous.seen_ids) if previous is not None and previous.before == next_before else set()
        seen.update(at_boundary)
        if previous is not None and previous.before == next_before and seen == previous.seen_ids:
            raise PaginationError(
                f"A full page brought only calls of {format_instant(boundary)} already returned, so asking again would"
                " bring the same page. Paging stops here rather than loop.",
                instant=boundary,
            )
        return cls(before=next_before, seen_ids=frozenset(seen))


def check_calls(calls: Sequence[Call], response: httpx.Response) -> None:
    """Raise unless every call has a string id and a zoned `createdAt`: paging relies on both. (The order of the
    calls is not relied on: a page is kept as the server sent it, and `calls.iter()` orders each page itself.)"""
    for call in calls:
        if type(call.id) is not str or call.created_at.tzinfo is None:
            raise APIResponseValidationError(
                f"GET /v1/calls returned a call with id {call.id!r} and createdAt {call.created_at.isoformat()}: an id"
                " must be a string and createdAt must have a time zone.",
                response=response,
            )


def check_page_size(value: int, name: str) -> int:
    """`value` as a page size (`limit`, `page_size`): a whole number the API accepts, 1..100."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInputError(
            f"{name} must be a whole number from {MIN_PAGE_SIZE} to {MAX_PAGE_SIZE}, not {value!r}."
        )
    if not MIN_PAGE_SIZE <= value <= MAX_PAGE_SIZE:
        raise InvalidInputError(
            f"{name}={value} is outside {MIN_PAGE_SIZE}..{MAX_PAGE_SIZE}, the range the API accepts."
        )
    return value


def _instant(instant: datetime.datetime | None) -> str:
    return "the newest" if instant is None else format_instant(instant)


_created_at = operator.attrgetter("created_at")


_Fetch = TypeVar("_Fetch")


class _BasePage(Generic[_Fetch]):
    """One page of `GET /v1/calls`: the calls it brought, and the response they came in. `fetch(limit, cursor)` gets
    the next page (a function for a sync page, a coroutine function for an async one)."""

    def __init__(
        self,
        *,
        calls: list[Call],
        notice: str | None,
        response: httpx.Response,
        limit: int,
        before: datetime.datetime | None,
        cursor: Cursor | None,
        fetch: _Fetch,
    ) -> None:
        self._fetch = fetch
        self.items = cursor.unseen(calls) if cursor is not None else calls
        """The calls of this page, in the server's order (newest first, as documented); a page fetched with a
        cursor leaves out those already returned."""
        self.notice = notice
        """The API's notice about the list, such as `PII_RELAY_ONLY` (the number's privacy mode hides calls)."""
        self.response = response
        """The `httpx.Response` this page came in, for its status and headers."""
        self.limit = limit
        """The page size asked for."""
        self.before = before
        """The `before` this page was asked for with (None: the newest calls)."""
        self._next: Cursor | PaginationError | None = None
        if len(calls) >= (cursor.request_limit(limit) if cursor is not None else limit):
            try:
                self._next = Cursor.after(calls, before, cursor)
            except PaginationError as error:  # raised when the next page is asked for, not before
                self._next = error

    def has_next_page(self) -> bool:
        """Whether more calls may follow: the page came back full (the API gives no other sign)."""
        return self._next is not None

    def next_cursor(self) -> Cursor | None:
        """The cursor of the next page, or None after the last page.

        Raises `PaginationError` when a full page of 100 calls shares one instant, so the next page cannot be reached
        without skipping calls.
        """
        if isinstance(self._next, PaginationError):
            raise self._next
        return self._next

    def single_millisecond(self) -> datetime.datetime | None:
        """The millisecond every call of this page was created in, when they all share one, else None (and None
        for an empty page). A `before` just after it would bring those calls again, and `next_cursor()` can only
        get past them because it remembers their ids."""
        if not self.items:
            return None
        newest, oldest = floor_ms(max(map(_created_at, self.items))), floor_ms(min(map(_created_at, self.items)))
        return oldest if newest == oldest else None

    def __iter__(self) -> Iterator[Call]:
        """The calls of this page, and no more: `calls.iter()` walks every page."""
        return iter(self.items)

    async def __aiter__(self) -> AsyncIterator[Call]:
        """`async for call in page`: the calls of this page, and no more, as for a sync page."""
        for call in self.items:
            yield call

    def __len__(self) -> int:
        return len(self.items)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: {len(self.items)} calls, has_next_page={self.has_next_page()}>"


class CallPage(_BasePage[Callable[[int, Cursor], "CallPage"]]):
    """A page returned by `PilotStatus.calls.list()`."""

    def get_next_page(self) -> CallPage | None:
        """Fetch the page after this one (same size), or return None when this is the last."""
        cursor = self.next_cursor()
        return None if cursor is None else self._fetch(self.limit, cursor)

    def iter_pages(self) -> Iterator[CallPage]:
        """This page and every page after it, fetched one at a time."""
        page: CallPage | None = self
        while page is not None:
            yield page
            page = page.get_next_page()


class AsyncCallPage(_BasePage[Callable[[int, Cursor], Awaitable["AsyncCallPage"]]]):
    """A page returned by `AsyncPilotStatus.calls.list()`."""

    async def get_next_page(self) -> AsyncCallPage | None:
        """Fetch the page after this one (same size), or return None when this is the last."""
        cursor = self.next_cursor()
        return None if cursor is None else await self._fetch(self.limit, cursor)

    async def iter_pages(self) -> AsyncIterator[AsyncCallPage]:
        """This page and every page after it, fetched one at a time."""
        page: AsyncCallPage | None = self
        while page is not None:
            yield page
            page = await page.get_next_page()


@dataclass(frozen=True)
class Window:
    """The [since, until) range of `calls.iter()`, the cursor it continues from, if any, and which calls of each
    page it yields."""

    since: datetime.datetime | None
    until: datetime.datetime | None
    cursor: Cursor | None = None

    @classmethod
    def of(cls, since: datetime.datetime | str | None, until: datetime.datetime | str | Cursor | None) -> Window:
        start = None if since is None else to_instant(since, "since")
        if isinstance(until, Cursor):
            window = cls(start, until.before, until)
        else:
            window = cls(start, None if until is None else to_instant(until, "until"))
        if window.since is not None and window.until is not None and window.since > window.until:
            raise InvalidInputError(
                f"since ({window.since.isoformat()}) is after until ({window.until.isoformat()}): nothing could match."
            )
        return window

    @property
    def start(self) -> Cursor | datetime.datetime | None:
        """The `before` of the first request: the cursor continued from (which leaves out the calls it has already
        seen), else `until`."""
        return self.cursor if self.cursor is not None else self.until

    def select(self, page: _BasePage[Any]) -> tuple[list[Call], bool]:
        """The calls of `page` to yield, newest first: those inside the window and before the page's own `before`
        (a call the server sent from later was yielded already, or is after `until`). And whether the page reaches
        past `since`, so that no older page is needed."""
        calls = sorted(page.items, key=_created_at, reverse=True)  # stable: ties keep the server's order
        if not calls:
            return calls, False
        bounds = [bound for bound in (self.until, page.before) if bound is not None]
        upper = min(bounds) if bounds else None
        reached_since = self.since is not None and calls[-1].created_at < self.since
        if (upper is None or calls[0].created_at < upper) and not reached_since:
            return calls, False  # the usual case: the whole page is inside the window
        since = self.since
        return [
            call
            for call in calls
            if (upper is None or call.created_at < upper) and (since is None or call.created_at >= since)
        ], reached_since


# --- numbered pages -------------------------------------------------------------------------------------------------
# The lists the API pages by number (`page`, `pageSize`): message history, unread messages, group messages,
# conversations. A page is the list's positions [(page - 1) * pageSize, page * pageSize) at the moment it is asked
# for, newest first, so anything that arrives, leaves or moves between two requests shifts the pages under a walk.


_Item = TypeVar("_Item")
_PageFetch = TypeVar("_PageFetch")


@dataclass(frozen=True)
class NumberedList:
    """How a numbered list is fetched and walked: what its resource methods pass here, one constant a list.

    `operation` is its operation; `items` the attribute of the envelope that holds the items (`messages`); `dates`
    the API's names of its date bounds (`("startDate", "endDate")`, both inclusive), or None for a list without them;
    `order` the attribute of an item the list is newest first by (`provider_timestamp`), and `moves` whether an item's
    value of it changes (a conversation's `last_message_at`: a conversation that gets a message moves to the top).
    """

    operation: Operation[Any]
    items: str
    dates: tuple[str, str] | None = None
    order: str | None = None
    moves: bool = False

    def __post_init__(self) -> None:
        if (self.dates is None) != (self.order is None):
            raise ValueError("a numbered list has date bounds exactly when it names the order they bound")


class _NumberedPageBase(Generic[_Item, _PageFetch]):
    """One page of a numbered list: its items and the envelope's counts, as the server sent them."""

    def __init__(
        self,
        *,
        items: list[_Item],
        total: int,
        page: int,
        page_size: int,
        total_pages: int,
        notice: str | None,
        response: httpx.Response,
        fetch: _PageFetch,
        asked: int | None = None,
    ) -> None:
        self._fetch = fetch
        # The number this page was asked for, which the next one follows: the answer's `page` is the server's word,
        # and a server that names every page 1 would otherwise be asked for page 2 forever.
        self._asked = page if asked is None else asked
        self.items = items
        """The items of this page, in the server's order (newest first)."""
        self.total = total
        """How many items the whole list held when this page was asked for."""
        self.page = page
        """This page's number, from 1."""
        self.page_size = page_size
        """The page size the server used."""
        self.total_pages = total_pages
        """How many pages the list had when this page was asked for."""
        self.notice = notice
        """The API's notice about the list, such as `PII_RELAY_ONLY` (the number's privacy mode hides its messages)."""
        self.response = response
        """The `httpx.Response` this page came in, for its status and headers."""

    def has_next_page(self) -> bool:
        """Whether the list had more pages when this one was asked for: pages numbered after the one asked for."""
        return self._asked < self.total_pages

    def __iter__(self) -> Iterator[_Item]:
        """The items of this page, and no more: the resource's `iter...()` walks the whole list."""
        return iter(self.items)

    async def __aiter__(self) -> AsyncIterator[_Item]:
        """`async for item in page`: the items of this page, and no more, as for a sync page."""
        for item in self.items:
            yield item

    def __len__(self) -> int:
        return len(self.items)

    def __repr__(self) -> str:
        return (
            f"<{type(self).__name__}: page {self.page} of {self.total_pages}, {len(self.items)} of {self.total} items>"
        )


class NumberedPage(_NumberedPageBase[_Item, Callable[[int], "NumberedPage[_Item]"]]):
    """A page of a numbered list (`messages.history()`, `conversations.list()`, ...).

    `get_next_page()` asks for the next number with the same arguments. Pages are numbered over the list as it is
    at each request, so an item that arrives between two requests pushes one down onto the next page (it comes
    twice) and one that leaves pulls one up (it is skipped): the resource's `iter...()` walks without that loss.
    """

    def get_next_page(self) -> NumberedPage[_Item] | None:
        """Fetch the page numbered after this one (same arguments and size), or return None after the last."""
        return self._fetch(self._asked + 1) if self.has_next_page() else None

    def iter_pages(self) -> Iterator[NumberedPage[_Item]]:
        """This page and every page numbered after it, fetched one at a time."""
        page: NumberedPage[_Item] | None = self
        while page is not None:
            yield page
            page = page.get_next_page()


class AsyncNumberedPage(_NumberedPageBase[_Item, Callable[[int], Awaitable["AsyncNumberedPage[_Item]"]]]):
    """A page of a numbered list of `AsyncPilotStatus`: the same, awaited."""

    async def get_next_page(self) -> AsyncNumberedPage[_Item] | None:
        """Fetch the page numbered after this one (same arguments and size), or return None after the last."""
        return await self._fetch(self._asked + 1) if self.has_next_page() else None

    async def iter_pages(self) -> AsyncIterator[AsyncNumberedPage[_Item]]:
        """This page and every page numbered after it, fetched one at a time."""
        page: AsyncNumberedPage[_Item] | None = self
        while page is not None:
            yield page
            page = await page.get_next_page()


# --- fetching a numbered page -----------------------------------------------------------------------------------------


def check_page_number(value: int, name: str = "page") -> int:
    """`value` as a page number: a whole number from 1."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidInputError(f"{name} must be a whole number from 1, not {value!r}.")
    return value


def date_bounds(
    start: datetime.datetime | str | None, end: datetime.datetime | str | None
) -> tuple[datetime.datetime | None, datetime.datetime | None]:
    """`start_date` and `end_date` as instants, checked: an aware datetime or an ISO 8601 string, start not after
    end (both are inclusive)."""
    lower = None if start is None else to_instant(start, "start_date")
    upper = None if end is None else to_instant(end, "end_date")
    if lower is not None and upper is not None and lower > upper:
        raise InvalidInputError(
            f"start_date ({format_instant(lower, exact=True)}) is after end_date ({format_instant(upper, exact=True)}):"
            " nothing could match."
        )
    return lower, upper


@dataclass(frozen=True)
class _Query:
    """The checked arguments of a numbered list's requests, but the page number: the page size, the date bounds, and
    the list's other query arguments (as the generated function takes them)."""

    page_size: int
    start: datetime.datetime | None
    end: datetime.datetime | None
    others: Mapping[str, Any]

    @classmethod
    def of(
        cls,
        page_size: int,
        start_date: datetime.datetime | str | None,
        end_date: datetime.datetime | str | None,
        query: Mapping[str, Any] | None,
    ) -> _Query:
        start, end = date_bounds(start_date, end_date)
        return cls(check_page_size(page_size, "page_size"), start, end, dict(query or {}))


def _page_spec(client: SyncClient | AsyncClient, listing: NumberedList, query: _Query, ask: Ask) -> RequestSpec:
    """The request of page `ask.page` of `query` with `ask`'s date bounds, these in the API's own spelling (the
    generated code would send Python's `isoformat()`)."""
    spec = client._prepare(listing.operation, query={**query.others, "page": ask.page, "page_size": query.page_size})
    if listing.dates is not None:
        params = spec.setdefault("params", {})
        for name, bound in zip(listing.dates, (ask.start, ask.end), strict=True):
            if bound is not None:
                params[name] = format_instant(bound, exact=True)
    return spec


def _page_fields(listing: NumberedList, response: httpx.Response) -> dict[str, Any]:
    """The parsed and checked body of `response`, as the fields of a page: every item has a string id (what a walk
    tells them apart by) and the counts are whole numbers. (The client turns any failure here into an
    `APIResponseValidationError`.)"""
    envelope = listing.operation.parse_response(response)
    items = getattr(envelope, listing.items)
    for item in items:
        if type(item.id) is not str:
            raise APIResponseValidationError(
                f"{_where(listing)} returned an item with id {item.id!r}: an id must be a string.", response=response
            )
    counts = {}
    for name in ("total", "page", "page_size", "total_pages"):
        value = getattr(envelope, name, None)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise APIResponseValidationError(
                f"{_where(listing)} returned {name}={value!r}: a page's counts must be whole numbers.",
                response=response,
            )
        counts[name] = value
    notice = getattr(envelope, "notice", None)
    return {"items": items, **counts, "notice": notice if isinstance(notice, str) else None, "response": response}


def _where(listing: NumberedList) -> str:
    """The operation, as a message names it (`GET /v1/messages/history`)."""
    entry = listing.operation.entry
    return f"{entry.http_method} {entry.path}"


def fetch_page(
    client: SyncClient,
    listing: NumberedList,
    *,
    page: int,
    page_size: int,
    start_date: datetime.datetime | str | None = None,
    end_date: datetime.datetime | str | None = None,
    query: Mapping[str, Any] | None = None,
) -> NumberedPage[Any]:
    """Page `page` of `listing`: what a generated one-page method (`messages.history()`) returns. `query` holds the
    list's other query arguments, by the generated function's names. Arguments are checked before any request."""
    number = check_page_number(page)
    checked = _Query.of(page_size, start_date, end_date, query)
    return _sync_page(client, listing, checked, Ask(number, checked.start, checked.end))


def _sync_page(client: SyncClient, listing: NumberedList, query: _Query, ask: Ask) -> NumberedPage[Any]:
    spec = _page_spec(client, listing, query, ask)
    return _sync_parsed(client, listing, query, ask, Sent(spec, client._send(spec)))


def _sync_parsed(client: SyncClient, listing: NumberedList, query: _Query, ask: Ask, sent: Sent) -> NumberedPage[Any]:
    """The page that `sent` brought (the answer to `ask` of `query`), parsed."""

    def fetch(following: int) -> NumberedPage[Any]:
        return _sync_page(client, listing, query, Ask(following, ask.start, ask.end))

    fields = client._parsed(sent.response, functools.partial(_page_fields, listing), sent.spec.get("operation_id"))
    return NumberedPage(**fields, fetch=fetch, asked=ask.page)


async def fetch_async_page(
    client: AsyncClient,
    listing: NumberedList,
    *,
    page: int,
    page_size: int,
    start_date: datetime.datetime | str | None = None,
    end_date: datetime.datetime | str | None = None,
    query: Mapping[str, Any] | None = None,
) -> AsyncNumberedPage[Any]:
    """Page `page` of `listing`, for `AsyncPilotStatus`."""
    number = check_page_number(page)
    checked = _Query.of(page_size, start_date, end_date, query)
    return await _async_page(client, listing, checked, Ask(number, checked.start, checked.end))


async def _async_page(client: AsyncClient, listing: NumberedList, query: _Query, ask: Ask) -> AsyncNumberedPage[Any]:
    spec = _page_spec(client, listing, query, ask)
    return _async_parsed(client, listing, query, ask, Sent(spec, await client._send(spec)))


def _async_parsed(
    client: AsyncClient, listing: NumberedList, query: _Query, ask: Ask, sent: Sent
) -> AsyncNumberedPage[Any]:
    """The page that `sent` brought, parsed, as `_sync_parsed` does for a sync client."""

    async def fetch(following: int) -> AsyncNumberedPage[Any]:
        return await _async_page(client, listing, query, Ask(following, ask.start, ask.end))

    fields = client._parsed(sent.response, functools.partial(_page_fields, listing), sent.spec.get("operation_id"))
    return AsyncNumberedPage(**fields, fetch=fetch, asked=ask.page)


# --- walking a numbered list ------------------------------------------------------------------------------------------
# A walk is planned here without any I/O (`_Walk.plan`, a generator that yields the next request to make, or items to
# hand out, and is sent each page it asked for), so that the sync and the async walk are one plan driven twice.


@dataclass(frozen=True)
class _Pass:
    """What one pass over a list found: `top`, the newest order value of its first page (None: the list was empty),
    and whether it ended the walk (its first page was the whole list, or nothing had moved since the pass before)."""

    top: datetime.datetime | None
    settled: bool


_T = TypeVar("_T")
_Plan = Generator["Ask | list[_Item]", Any, _T]
"""A walk's plan: it yields a request (`Ask`) and is sent the page that came, or yields items and is sent None."""


class _Walk(Generic[_Item]):
    """The plan of one walk: which pages to ask for, and which of their items to hand out.

    Pages are asked for by number, with two rules. What a page brings that the walk has already handed out is
    dropped (by id): an item that arrives above the walk's position pushes those below it down, and one comes again.
    And when the list's `total` has shrunk since the page before, the walk steps back as many positions (asking for
    an earlier page again): an item that leaves from above the walk's position pulls those below it up, and one would
    otherwise pass unseen. What arrives is the newest, and so sorts above what the walk has passed (unless it shares
    an instant with items already passed, as on a clock that stands still: each walk's promise says so): a shrinking
    is then never hidden by an arrival below the walk's position, and no item that stays in the list is missed.
    The walk ends at a page that ends the list: an empty one, or the one that reaches the list's `total`, unless that
    page is full, reaches past `total` and brings new items (the server counts fewer than it lists).
    """

    def __init__(
        self,
        listing: NumberedList,
        start: datetime.datetime | None,
        end: datetime.datetime | None,
        page_size: int,
    ) -> None:
        self._listing = listing
        self._order = listing.order
        self._start, self._end, self._page_size = start, end, page_size
        self._returned: set[str] = set()

    def plan(self) -> _Plan[_Item, None]:
        if self._order is None:  # no date bounds: one pass over the list as it goes
            yield from self._pass(None, None, fixed=False)
        elif not self._listing.moves:  # an item keeps its place: one window, its end fixed by the first page
            yield from self._pass(self._start, self._end, fixed=True)
        else:
            yield from self._passes()

    def _passes(self) -> _Plan[_Item, None]:
        """Passes over a list whose items move to the top (a conversation that gets a message), each from the newest
        instant of the one before, until one finds that nothing it needs has moved.

        An item that moves during a pass goes to the top, and so never pulls the items below it up: what stays where
        it was is found by the pass. What moved from below the pass's position to above it was missed, and its order
        value is now at least the newest of the pass's first page (the clock's instant when it moved), so the next
        pass, over what is at least that new, finds it. The walk ends with a pass whose first page holds all of it
        (nothing can have moved meanwhile), or one that finds nothing newer than the single instant the pass before
        it went over (nothing moved out of that pass; and within one instant, an item's place never changes)."""
        lower, single = self._start, None
        while True:
            walked = yield from self._pass(lower, self._end, fixed=False, settled_at=single)
            if walked.top is None or walked.settled:
                return
            single = walked.top if walked.top == lower else None
            lower = walked.top

    def _pass(
        self,
        lower: datetime.datetime | None,
        end: datetime.datetime | None,
        *,
        fixed: bool,
        settled_at: datetime.datetime | None = None,
    ) -> _Plan[_Item, _Pass]:
        """One pass over the list from `lower` up to `end` (inclusive; None: unbounded). `fixed`: after the first page,
        the pass's end is that page's newest order value, and each page is asked for up to one millisecond after it,
        what is newer dropped: the same window whether the server's `endDate` is inclusive or exclusive."""
        total: int | None = None
        top: datetime.datetime | None = None
        read = 0  # the positions of the list walked past, as the latest page counts them
        number, asked = 1, 0
        while True:
            got = yield Ask(number, lower, end)
            asked += 1
            if asked == 1 and self._order is not None:
                if not got.items:
                    return _Pass(None, settled=True)
                top = self._newest(got, end)
                if fixed:
                    end = _just_after(top)
            # The server's page size when it used a smaller one than asked for (a cap of its own); never a larger
            # one, which a page of the size asked for belies: taken at its word, it would step over items.
            size = min(got.page_size, self._page_size) if got.page_size >= 1 else self._page_size
            if total is not None and got.total < total:
                read = max(0, read - (total - got.total))  # items left from above: step back as many
            total = got.total
            fresh = self._fresh(got.items, lower, top if fixed else self._end)
            if fresh:
                yield fresh
            if asked == 1 and top is not None and top == settled_at:
                return _Pass(top, settled=True)
            first = (number - 1) * size
            if first <= read:  # the page covered the walk's position (it was not stepped back before it)
                if not got.items:
                    break
                read = first + size
            # `total` ends the walk when the page agrees with it. A full page that reaches past it, with items not
            # seen before, says the server counts fewer than it lists (unread's `total` is the sum of the
            # conversations' counts, not a count of the messages): the next page is asked for, until one ends the
            # list or brings nothing new.
            if read >= total and (len(got.items) < size or first + len(got.items) <= total or not fresh):
                break
            number = read // size + 1
        return _Pass(top, settled=asked == 1)

    def _fresh(self, items: list[Any], lower: datetime.datetime | None, upper: datetime.datetime | None) -> list[Any]:
        """The items of a page to hand out: inside [`lower`, `upper`] and not handed out before (and now they have
        been). An item without an aware order value cannot be placed: it is kept (a walk relies on none but the first
        page's newest)."""
        returned, order = self._returned, self._order
        bounded = order is not None and (lower is not None or upper is not None)
        fresh = []
        for item in items:  # once an item of every page: written out, not a function call an item
            if item.id in returned:
                continue
            if bounded:
                instant: Any = getattr(item, order, None)  # type: ignore[arg-type]  # `bounded`: not None
                try:
                    if (lower is not None and instant < lower) or (upper is not None and instant > upper):
                        continue
                except TypeError:  # None, or a naive datetime, or the text of a timestamp that did not parse
                    pass
            returned.add(item.id)
            fresh.append(item)
        return fresh

    def _instant(self, item: Any) -> datetime.datetime | None:
        value = getattr(item, self._order, None) if self._order is not None else None
        return value if isinstance(value, datetime.datetime) and value.utcoffset() is not None else None

    def _newest(self, got: Any, end: datetime.datetime | None) -> datetime.datetime:
        """The newest order value of a page, no later than `end`."""
        instants = [instant for item in got.items if (instant := self._instant(item)) is not None]
        if not instants:
            raise APIResponseValidationError(
                f"{_where(self._listing)} returned a page of {len(got.items)} items none of which has a"
                f" {self._order} with a time zone: a walk finds where it stands by the newest of them.",
                response=got.response,
            )
        newest = max(instants)
        return newest if end is None else min(newest, end)


def _just_after(instant: datetime.datetime) -> datetime.datetime | None:
    """The `endDate` that bounds a window at `instant`: one millisecond later (None at the end of time: unbounded)."""
    try:
        return instant + MILLISECOND
    except OverflowError:
        return None


# --- driving a walk ---------------------------------------------------------------------------------------------------
# The plan's requests are sent, and the page after each read ahead (`_read_ahead`); the plan is sent each page parsed.


def _sync_items(
    plan: _Plan[_Item, None],
    send: Send,
    parse: Callable[[Ask, Sent], Any],
) -> Iterator[list[_Item]]:
    """Drive `plan`, sending each request it makes and parsing the page (the next one read ahead meanwhile): its
    items, a list at a time."""
    got: Any = None
    previous: Ask | None = None  # the walk's request before, and the `total_pages` of its page
    pages: int | None = None
    reader = ReadAhead(send)
    try:
        while True:
            try:
                step = plan.send(got)
            except StopIteration:
                return
            if isinstance(step, Ask):
                sent = reader.take(step)
                reader.follow(next_ask(previous, step, pages))
                got = parse(step, sent)
                reader.count(got.total_pages)
                previous, pages = step, got.total_pages
            else:
                got = None
                yield step
    finally:
        reader.close()


async def _async_items(
    plan: _Plan[_Item, None],
    send: AsyncSend,
    parse: Callable[[Ask, Sent], Any],
) -> AsyncIterator[_Item]:
    """Drive `plan`, awaiting each request it makes and parsing the page (the next one read ahead meanwhile, in a task
    of its own): its items, one at a time."""
    import asyncio  # only async walks need it; `import pilotstatus` does not load it

    got: Any = None
    previous: Ask | None = None  # the walk's request before, and the `total_pages` of its page
    pages: int | None = None
    ahead: tuple[Ask, asyncio.Task[Sent]] | None = None
    try:
        while True:
            try:
                step = plan.send(got)
            except StopIteration:
                return
            if isinstance(step, Ask):
                # `ahead` is kept until the walk is done with it: a walk cancelled meanwhile drops it as it ends.
                if ahead is not None and ahead[0] == step:
                    sent = await ahead[1]
                else:
                    if ahead is not None:  # read ahead in vain: answered before the next request goes
                        await asyncio.wait([ahead[1]])
                        drop(ahead[1])
                    sent = await send(step, None)
                ahead = None
                following = next_ask(previous, step, pages)
                if following is not None:
                    ahead = (following, await send_ahead(send, following))
                got = parse(step, sent)
                previous, pages = step, got.total_pages
            else:
                got = None
                for item in step:
                    yield item
    finally:
        if ahead is not None:
            drop(ahead[1])


def walk(
    client: SyncClient,
    listing: NumberedList,
    *,
    page_size: int,
    start_date: datetime.datetime | str | None = None,
    end_date: datetime.datetime | str | None = None,
    query: Mapping[str, Any] | None = None,
) -> Iterator[Any]:
    """Every item of `listing`, fetched lazily page by page, as the generated walks (`messages.iter_history()`) give
    them. Arguments are checked at once, before any request."""
    checked = _Query.of(page_size, start_date, end_date, query)

    def send(ask: Ask, trace: Trace | None) -> Sent:
        spec = _page_spec(client, listing, checked, ask)
        if trace is not None:
            spec["extensions"] = {"trace": trace}
        return Sent(spec, client._send(spec))

    def parse(ask: Ask, sent: Sent) -> NumberedPage[Any]:
        return _sync_parsed(client, listing, checked, ask, sent)

    plan = _Walk[Any](listing, checked.start, checked.end, checked.page_size).plan()
    # The items of each page in turn: `chain` hands them out itself, where a generator would be resumed once an item.
    return itertools.chain.from_iterable(_sync_items(plan, send, parse))


def walk_async(
    client: AsyncClient,
    listing: NumberedList,
    *,
    page_size: int,
    start_date: datetime.datetime | str | None = None,
    end_date: datetime.datetime | str | None = None,
    query: Mapping[str, Any] | None = None,
) -> AsyncIterator[Any]:
    """Every item of `listing`, for `AsyncPilotStatus`: `async for item in ...`. Arguments are checked at once."""
    checked = _Query.of(page_size, start_date, end_date, query)

    async def send(ask: Ask, trace: AsyncTrace | None) -> Sent:
        spec = _page_spec(client, listing, checked, ask)
        if trace is not None:
            spec["extensions"] = {"trace": trace}
        return Sent(spec, await client._send(spec))

    def parse(ask: Ask, sent: Sent) -> AsyncNumberedPage[Any]:
        return _async_parsed(client, listing, checked, ask, sent)

    return _async_items(_Walk[Any](listing, checked.start, checked.end, checked.page_size).plan(), send, parse)
