"""Pages of calls, and the cursor that makes paging through them lose nothing. The paging rule lives here and
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
"""

from __future__ import annotations

import datetime
import operator
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import httpx

from ._constants import MAX_PAGE_SIZE, MIN_PAGE_SIZE
from ._exceptions import APIResponseValidationError, InvalidInputError, PaginationError
from ._timestamps import MILLISECOND, ceil_ms, floor_ms, format_instant, to_instant

if TYPE_CHECKING:
    from pilotstatus_api.models.call import Call

__all__ = ["AsyncCallPage", "CallPage", "Cursor"]


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
