"""The Calls resource: list and walk the number's calls, start one, answer, reject or hang up one, play audio into
it or open a media session on it; its settings and permissions are `calls.settings` and `calls.permissions`.

Each method is a line: which operation (`_operations.Operation`: the generated request description and the model
its 2xx body parses into) and its arguments, as generated request models. The client checks them against the spec,
sends them (a POST is never re-sent once it may have reached the server) and raises the typed error of a failure.
"""

from __future__ import annotations

import datetime
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx

from pilotstatus._constants import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from pilotstatus._exceptions import InvalidInputError
from pilotstatus._operations import Operation, RequestSpec
from pilotstatus._timestamps import ceil_ms, format_instant, to_instant
from pilotstatus.pagination import AsyncCallPage, CallPage, Cursor, Window, check_calls, check_page_size
from pilotstatus_api.api.calls import (
    get_calls,
    get_calls_call_id,
    post_calls,
    post_calls_call_id_accept,
    post_calls_call_id_play,
    post_calls_call_id_pre_accept,
    post_calls_call_id_realtime_session,
    post_calls_call_id_reject,
    post_calls_call_id_terminate,
)
from pilotstatus_api.models.accept_call_request import AcceptCallRequest
from pilotstatus_api.models.call import Call
from pilotstatus_api.models.call_action_result import CallActionResult
from pilotstatus_api.models.call_detail import CallDetail
from pilotstatus_api.models.call_list import CallList
from pilotstatus_api.models.call_started import CallStarted
from pilotstatus_api.models.play_audio_request import PlayAudioRequest
from pilotstatus_api.models.realtime_session import RealtimeSession
from pilotstatus_api.models.realtime_session_mode import RealtimeSessionMode
from pilotstatus_api.models.realtime_session_request import RealtimeSessionRequest
from pilotstatus_api.models.sdp_answer import SdpAnswer
from pilotstatus_api.models.start_call_request import StartCallRequest

from .call_permissions import AsyncCallPermissions, CallPermissions
from .call_settings import AsyncCallSettings, CallSettings

if TYPE_CHECKING:
    from pilotstatus._client import AsyncPilotStatus, PilotStatus

__all__ = ["AsyncCalls", "Calls"]

LIST = Operation(get_calls, CallList.from_dict)
CREATE = Operation(post_calls, CallStarted.from_dict)
RETRIEVE = Operation(get_calls_call_id, CallDetail.from_dict)
PRE_ACCEPT = Operation(post_calls_call_id_pre_accept, CallActionResult.from_dict)
ACCEPT = Operation(post_calls_call_id_accept, CallActionResult.from_dict)
REJECT = Operation(post_calls_call_id_reject, CallActionResult.from_dict)
TERMINATE = Operation(post_calls_call_id_terminate, CallActionResult.from_dict)
PLAY = Operation(post_calls_call_id_play, CallActionResult.from_dict)
REALTIME_SESSION = Operation(post_calls_call_id_realtime_session, RealtimeSession.from_dict)

Before = datetime.datetime | str | Cursor | None
"""A `before` argument: an aware datetime or ISO 8601 string (calls created strictly before it), or a `Cursor`."""

Until = datetime.datetime | str | Cursor | None
"""An `until` argument of `iter()`: an aware datetime or ISO 8601 string (exclusive), or a `Cursor` to continue from."""


class Calls:
    """The calls of the key's number (`/v1/calls`), on Meta Cloud API and Pilot Status web numbers."""

    def __init__(self, client: PilotStatus) -> None:
        self._client = client
        self.settings = CallSettings(client)
        """The number's calling settings (Meta numbers)."""
        self.permissions = CallPermissions(client)
        """Whether the business may call a user, and asking for it (Meta numbers)."""

    def create(self, *, to: str, sdp: str | None = None, biz_opaque_callback_data: str | None = None) -> CallStarted:
        """Start a business-initiated call to `to` (a phone number: digits, optionally with `+`).

        Args:
            to: the user to call.
            sdp: Meta numbers: required, the SDP offer (RFC 8866) of your WebRTC client (`a=setup:active`). Web
                numbers: leave it out (audio is handled on the server).
            biz_opaque_callback_data: your own data, echoed back on the call's end event.

        On a Meta number the user must have granted permission first (`calls.permissions`), else
        `CallPermissionRequiredError`. Sent once: a call is never started twice by a retry (only a 429, or a
        connection that never opened, is retried).
        """
        body = StartCallRequest(to=to, sdp=sdp, biz_opaque_callback_data=biz_opaque_callback_data)
        return self._client._call(CREATE, body=body)

    def retrieve(self, call_id: str, *, include_sdp: bool = False) -> CallDetail:
        """One call, by its Pilot Status id (`call_...`) or its provider's id (`wacid...`); with `include_sdp`, its
        `sdp_offer`/`sdp_answer` too (what answering an inbound Meta call needs). `CallNotFoundError` when the call
        is not the number's."""
        return self._client._call(RETRIEVE, call_id, query=_include_sdp(include_sdp))

    def pre_accept(self, call_id: str, *, sdp: str) -> CallActionResult:
        """Send the SDP answer of an inbound Meta call early, before `accept()`, so that its first words are not
        clipped. Optional; the call connects only on `accept()`. Meta numbers only."""
        return self._client._call(PRE_ACCEPT, call_id, body=SdpAnswer(sdp=sdp))

    def accept(self, call_id: str, *, sdp: str | None = None) -> CallActionResult:
        """Answer an inbound call. Meta numbers: `sdp` is your WebRTC client's SDP answer. Web numbers: no `sdp`
        (drive the audio with `play()` and `realtime_session()`)."""
        return self._client._call(ACCEPT, call_id, body=AcceptCallRequest(sdp=sdp))

    def reject(self, call_id: str) -> CallActionResult:
        """Decline an inbound call."""
        return self._client._call(REJECT, call_id)

    def terminate(self, call_id: str) -> CallActionResult:
        """Hang up a call."""
        return self._client._call(TERMINATE, call_id)

    def play(self, call_id: str, *, media_url: str) -> CallActionResult:
        """Play the audio file at `media_url` (a public http(s) URL of an .mp3, .wav or .opus file) into the call;
        queued until the call is active. Web numbers only."""
        return self._client._call(PLAY, call_id, body=PlayAudioRequest(media_url=media_url))

    def realtime_session(self, call_id: str, *, mode: RealtimeSessionMode) -> RealtimeSession:
        """Open a short-lived media session on an active call: connect a WebSocket to the returned `ws_url` and
        exchange raw PCM16 little-endian audio frames (`mode="talk"`: send and receive; `"listen"`: receive only).
        The token is single-use and lasts about two minutes. Web numbers only."""
        return self._client._call(REALTIME_SESSION, call_id, body=RealtimeSessionRequest(mode=mode))

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
        return self._iter(window, check_page_size(page_size, "page_size"))

    def _iter(self, window: Window, page_size: int) -> Iterator[Call]:
        page = self.list(limit=page_size, before=window.start)
        while True:
            calls, reached_since = window.select(page)
            yield from calls
            cursor = None if reached_since else page.next_cursor()
            if cursor is None:
                return
            page = self._fetch(page_size, cursor)

    def _fetch(self, limit: int, cursor: Cursor) -> CallPage:
        return self.list(limit=limit, before=cursor)


class AsyncCalls:
    """The async twin of `Calls`: the same methods, with `await` (and `async for` over `iter()`)."""

    def __init__(self, client: AsyncPilotStatus) -> None:
        self._client = client
        self.settings = AsyncCallSettings(client)
        """The number's calling settings (Meta numbers)."""
        self.permissions = AsyncCallPermissions(client)
        """Whether the business may call a user, and asking for it (Meta numbers)."""

    async def create(
        self, *, to: str, sdp: str | None = None, biz_opaque_callback_data: str | None = None
    ) -> CallStarted:
        """Start a business-initiated call to `to`; see `Calls.create()`. Sent once, never re-sent by a retry."""
        body = StartCallRequest(to=to, sdp=sdp, biz_opaque_callback_data=biz_opaque_callback_data)
        return await self._client._call(CREATE, body=body)

    async def retrieve(self, call_id: str, *, include_sdp: bool = False) -> CallDetail:
        """One call, by either of its ids; see `Calls.retrieve()`."""
        return await self._client._call(RETRIEVE, call_id, query=_include_sdp(include_sdp))

    async def pre_accept(self, call_id: str, *, sdp: str) -> CallActionResult:
        """Send the SDP answer of an inbound Meta call early; see `Calls.pre_accept()`."""
        return await self._client._call(PRE_ACCEPT, call_id, body=SdpAnswer(sdp=sdp))

    async def accept(self, call_id: str, *, sdp: str | None = None) -> CallActionResult:
        """Answer an inbound call; see `Calls.accept()`."""
        return await self._client._call(ACCEPT, call_id, body=AcceptCallRequest(sdp=sdp))

    async def reject(self, call_id: str) -> CallActionResult:
        """Decline an inbound call."""
        return await self._client._call(REJECT, call_id)

    async def terminate(self, call_id: str) -> CallActionResult:
        """Hang up a call."""
        return await self._client._call(TERMINATE, call_id)

    async def play(self, call_id: str, *, media_url: str) -> CallActionResult:
        """Play an audio file into the call; see `Calls.play()`."""
        return await self._client._call(PLAY, call_id, body=PlayAudioRequest(media_url=media_url))

    async def realtime_session(self, call_id: str, *, mode: RealtimeSessionMode) -> RealtimeSession:
        """Open a media session on an active call; see `Calls.realtime_session()`."""
        return await self._client._call(REALTIME_SESSION, call_id, body=RealtimeSessionRequest(mode=mode))

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


def _include_sdp(include_sdp: bool) -> dict[str, Any]:
    """The query of `retrieve()`: `includeSdp=1` when asked for, nothing otherwise (the only documented value)."""
    if not isinstance(include_sdp, bool):
        raise InvalidInputError(f"include_sdp must be True or False, not {include_sdp!r}.")
    return {"include_sdp": "1" if include_sdp else None}
