"""The Messages area's reads (the inbox): the history, the unread messages, the group messages and the
conversations of a number, computed from its messages (`models.Messages`), paged by `page` and `pageSize`, with the
number's privacy (PII) mode applied. The handlers of `GET /v1/messages/history`, `/unread`, `/group` and
`GET /v1/conversations` call these, and the send calls `read_conversation`.

Sandbox behaviour, not documented upstream (the README's "Messages in the sandbox" repeats it):
- every list is newest first, ties broken by `id` descending: history and unread by `providerTimestamp` (a sent
  message's moves from its creation to the moment it is SENT), group messages by `createdAt`, conversations by
  `lastMessageAt` (their newest message's `providerTimestamp`); `startDate` and `endDate` are both inclusive, a start
  after the end is 400 INVALID_DATE_RANGE; a page past the last is empty, with the totals; `totalPages` is
  `ceil(total / pageSize)`, 0 for an empty list;
- a received message is unread until the number writes to its conversation after it (a send to that user or group
  whose `markRead` is not false: `read_conversation`); then it is READ, `readAt` the send's instant. The unread
  list's `total` is the sum of the conversations' `unreadCount`, and each of its messages carries its
  conversation's as `conversationUnreadCount`;
- a conversation is one per user (DIRECT) or group (GROUP): its `from` is the user's phone (E.164, `+`), null for a
  group; `userId` the user's BSUID when known; `username` null;
- PII modes (whole-api §1.6, the number's `NumberSpec.pii_mode`): RELAY_ONLY lists nothing (`notice:
  PII_RELAY_ONLY`, totals 0); STORE_X_DAYS shows the whole history, its messages older than the window (`now -
  retentionDays`) with their text, media, referral and the user's identity null and `redacted: true` (the official
  SDK's redact-and-show), and clamps the other lists to the window (the block's `max(startDate, now -
  retentionDays)`): unread messages and group messages from before it are not listed, nor conversations whose last
  message is, and unread counts count only the window's messages.

A page costs the same whatever the history's size, but for the first page after a change: the messages are sorted
once for each version of the store (`Messages.version`), and each message's row is rendered once and kept until the
message changes (its `_Stamp`), so that walking 10,000 messages renders each once.
"""

from __future__ import annotations

import bisect
import math
import re
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from pilotstatus_sandbox._backend import RELAY_ONLY_NOTICE
from pilotstatus_sandbox._encoded import EncodedJSON, encode_json
from pilotstatus_sandbox._errors import ApiError
from pilotstatus_sandbox._instants import format_ms, parse_before_ms

from .models import FINAL_STATUSES, Message, Messages

if TYPE_CHECKING:
    from pilotstatus_sandbox._backend import Backend, Number
    from pilotstatus_sandbox._operation import Handler, Operation

__all__ = [
    "HANDLERS",
    "RELAY_ONLY_NOTICE",
    "Window",
    "conversations",
    "group",
    "history",
    "history_row",
    "read_conversation",
    "unread",
    "window",
]


_DAY_MS = 86_400_000
_FRACTION = re.compile(r"\.(\d+)")


# -- the request: dates and pages --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    """The instants a list is asked for, both inclusive, in whole milliseconds: `first` and `last` (None: unbounded)."""

    first: int | None = None
    last: int | None = None

    def clamped(self, cutoff: int | None) -> Window:
        """This window, from `cutoff` at the earliest (a STORE_X_DAYS number's)."""
        if cutoff is None or (self.first is not None and self.first >= cutoff):
            return self
        return Window(cutoff, self.last)


def window(start_date: str | None, end_date: str | None) -> Window:
    """The window of `startDate` and `endDate` (RFC 3339 date-times, the spec's check passed), both inclusive; 400
    INVALID_DATE_RANGE when the start is after the end. Instants with digits below the millisecond are compared
    exactly, then rounded inward to whole milliseconds (what messages are stamped with)."""
    start = None if start_date is None else _exact(start_date, "startDate")
    end = None if end_date is None else _exact(end_date, "endDate")
    if start is not None and end is not None and _after(start, end):
        raise ApiError(
            400,
            f"Invalid date range: startDate ({start_date}) is after endDate ({end_date})",
            "INVALID_DATE_RANGE",
        )
    # A message at whole millisecond m is in the window when start <= m <= end: m >= ceil(start), m <= floor(end).
    first = None if start is None else start[0] + (start[1] != "")
    last = None if end is None else end[0]
    return Window(first, last)


def _exact(value: str, name: str) -> tuple[int, str]:
    """An instant as (the whole milliseconds not after it, its digits below the millisecond without trailing
    zeros): two instants compare as these tuples, the digits padded to one length."""
    ceiling = parse_before_ms(value)
    if ceiling is None:  # the spec's check has passed it, so this is a defect
        raise ApiError(400, f"Validation error: {name} ({value[:40]!r}) is not an RFC 3339 date-time")
    fraction = _FRACTION.search(value)
    below = "" if fraction is None else fraction.group(1)[3:].rstrip("0")
    return (ceiling - 1 if below else ceiling), below


def _after(start: tuple[int, str], end: tuple[int, str]) -> bool:
    width = max(len(start[1]), len(end[1]))
    return (start[0], start[1].ljust(width, "0")) > (end[0], end[1].ljust(width, "0"))


def _page_envelope(
    name: str, rows: list[bytes], *, total: int, page: int, page_size: int, notice: str | None = None
) -> EncodedJSON:
    """`{name: [rows], total, page, pageSize, totalPages[, notice]}`, each row already encoded: the same bytes as
    the object encoded whole."""
    tail: dict[str, Any] = {
        "total": total,
        "page": page,
        "pageSize": page_size,
        "totalPages": math.ceil(total / page_size),
    }
    if notice is not None:
        tail["notice"] = notice
    return EncodedJSON(b"{" + encode_json(name) + b":[" + b",".join(rows) + b"]," + encode_json(tail)[1:])


def _relay_only(name: str, page: int, page_size: int) -> EncodedJSON:
    """The list of a RELAY_ONLY number, which keeps no messages to list: empty, with its notice."""
    return _page_envelope(name, [], total=0, page=page, page_size=page_size, notice=RELAY_ONLY_NOTICE)


def _cutoff(number: Number, now: int) -> int | None:
    """The first instant a STORE_X_DAYS number still keeps the content of; None in the other modes."""
    days = number.spec.pii_retention_days
    return now - days * _DAY_MS if number.spec.pii_mode == "STORE_X_DAYS" and days is not None else None


# -- the inbox: the messages in the lists' orders, kept up to date with the store -----------------------------------


def _by_provider_time(message: Message) -> tuple[int, str]:
    return message.provider_ms, message.id


def _provider_ms(message: Message) -> int:
    return message.provider_ms


def _by_creation(message: Message) -> tuple[int, str]:
    return message.created_ms, message.id


def _created_ms(message: Message) -> int:
    return message.created_ms


def _is_unread(message: Message) -> bool:
    return message.direction == "INBOUND" and message.read_ms is None


@dataclass
class _Conversation:
    id: str
    type: str
    last: Message
    phone: str | None = None
    user_id: str | None = None
    unread_ms: list[int] = field(default_factory=list)
    """When each of its unread messages arrived (`providerTimestamp`), oldest first."""

    @property
    def last_ms(self) -> int:
        return self.last.provider_ms

    def unread_count(self, cutoff: int | None) -> int:
        """Its unread messages, those from `cutoff` on when given."""
        return len(self.unread_ms) - (0 if cutoff is None else bisect.bisect_left(self.unread_ms, cutoff))


def _by_last_message(conversation: _Conversation) -> tuple[int, str]:
    return conversation.last_ms, conversation.id


def _last_ms(conversation: _Conversation) -> int:
    return conversation.last_ms


class _Derived:
    """The lists other than the history, made from the timeline when first asked for after a change: the unread
    messages, the group messages, the conversations (each oldest first, as the timeline)."""

    def __init__(self, timeline: list[Message]) -> None:
        self.unread = [message for message in timeline if _is_unread(message)]
        self.groups = sorted((m for m in timeline if m.conversation_type == "GROUP"), key=_by_creation)
        by_id: dict[str, _Conversation] = {}
        for message in timeline:  # oldest first: a conversation's last message is the last one seen
            conversation = by_id.get(message.conversation_id)
            if conversation is None:
                conversation = by_id[message.conversation_id] = _Conversation(
                    message.conversation_id, message.conversation_type, message
                )
            conversation.last = message
            if message.conversation_type == "DIRECT":
                conversation.phone = message.peer_phone or conversation.phone
                conversation.user_id = message.peer_user_id or conversation.user_id
            if _is_unread(message):
                conversation.unread_ms.append(message.provider_ms)
        self.conversation = by_id
        self.conversations = sorted(by_id.values(), key=_by_last_message)


_MANY = 64
"""More new or moved messages than this at once (the seeded ones, at the first read) are sorted in with the rest
rather than inserted one by one."""
_KEPT_ROWS = 50_000
"""The rendered rows a number keeps at most (some 50 MB): past it, they are let go and rendered again when listed."""


class _Inbox:
    """What the lists of one number read, kept between requests: its messages in history's order (the timeline,
    oldest first by `providerTimestamp`, then `id`), the other lists made from it, and each message's rendered row.

    The store only grows, and a message's `providerTimestamp` changes only when a sent message goes out (it is its
    creation until then: `models.Message.provider_ms`), so bringing the timeline up to date takes the messages added
    since, and the unsent ones whose instant moved; not a sort of the whole history."""

    def __init__(self) -> None:
        self.version = -1
        self.seen = 0
        self.timeline: list[Message] = []
        self.unsent: dict[str, tuple[Message, int]] = {}  # by id: sent messages not yet out, and their instant
        self.rows: dict[str, tuple[_Stamp, bytes]] = {}
        self._derived: _Derived | None = None

    def update(self, messages: Messages) -> None:
        """Catch up with `messages` (the backend's lock held: nothing changes meanwhile)."""
        if self.version == messages.version:
            return
        every = messages.all()
        moved = []
        for ref, (message, recorded) in list(self.unsent.items()):
            if message.provider_ms != recorded:
                moved.append((message, recorded))
            if message.sent_ms is not None or message.status in FINAL_STATUSES:
                del self.unsent[ref]  # its instant will not move again
            else:
                self.unsent[ref] = (message, message.provider_ms)
        for message, recorded in moved:
            at = bisect.bisect_left(self.timeline, (recorded, message.id), key=_by_provider_time)
            if at == len(self.timeline) or self.timeline[at] is not message:
                self._rebuild(every, messages.version)  # an instant moved that should not have: start afresh
                return
            del self.timeline[at]
        fresh = every[self.seen :]
        for message in fresh:
            if message.direction == "OUTBOUND" and message.sent_ms is None and message.status not in FINAL_STATUSES:
                self.unsent[message.id] = (message, message.provider_ms)
        arriving = fresh + [message for message, _ in moved]
        if len(arriving) > _MANY:
            self.timeline += arriving
            self.timeline.sort(key=_by_provider_time)
        else:
            for message in arriving:
                bisect.insort(self.timeline, message, key=_by_provider_time)
        self.seen, self.version, self._derived = len(every), messages.version, None

    def _rebuild(self, every: list[Message], version: int) -> None:
        self.timeline = sorted(every, key=_by_provider_time)
        self.unsent = {
            message.id: (message, message.provider_ms)
            for message in every
            if message.direction == "OUTBOUND" and message.sent_ms is None and message.status not in FINAL_STATUSES
        }
        self.seen, self.version, self._derived = len(every), version, None

    @property
    def derived(self) -> _Derived:
        if self._derived is None:
            self._derived = _Derived(self.timeline)
        return self._derived

    def row(self, message: Message, *, redacted: bool) -> bytes:
        """`history_row` encoded, kept until the message changes."""
        stamp = _stamp(message, redacted)
        kept = self.rows.get(message.id)
        if kept is not None and kept[0] == stamp:
            return kept[1]
        if len(self.rows) >= _KEPT_ROWS:
            self.rows.clear()
        encoded = encode_json(history_row(message, redacted=redacted))
        self.rows[message.id] = (stamp, encoded)
        return encoded


_INBOXES: weakref.WeakKeyDictionary[Messages, _Inbox] = weakref.WeakKeyDictionary()
_INBOXES_LOCK = threading.Lock()  # the inboxes of every sandbox of the process: each backend's lock guards its own


def _inbox(messages: Messages) -> _Inbox:
    """The inbox of `messages`, up to date (the backend's lock held)."""
    with _INBOXES_LOCK:
        inbox = _INBOXES.get(messages)
        if inbox is None:
            inbox = _INBOXES[messages] = _Inbox()
    inbox.update(messages)
    return inbox


def _span(ordered: list[Any], key: Callable[[Any], int], span: Window) -> tuple[int, int]:
    """Where the items of `span` (both ends inclusive) are in `ordered` (oldest first by `key`), as a slice."""
    start = 0 if span.first is None else bisect.bisect_left(ordered, span.first, key=key)
    stop = len(ordered) if span.last is None else bisect.bisect_right(ordered, span.last, key=key)
    return start, max(start, stop)


def _newest_first(ordered: list[Any], start: int, stop: int, page: int, page_size: int) -> list[Any]:
    """Page `page` of `ordered[start:stop]` (oldest first) listed newest first."""
    high = stop - (page - 1) * page_size
    return ordered[max(start, high - page_size) : high][::-1] if high > start else []


# -- rows ----------------------------------------------------------------------------------------------------------


class _Stamp(NamedTuple):
    """What a row shows that can change: a kept row is rendered again when its message's stamp differs."""

    status: str
    provider_ms: int
    external_id: str | None
    sent_ms: int | None
    delivered_ms: int | None
    read_ms: int | None
    redacted: bool


def _stamp(message: Message, redacted: bool) -> _Stamp:
    return _Stamp(
        message.status,
        message.provider_ms,
        message.external_id,
        message.sent_ms,
        message.delivered_ms,
        message.read_ms,
        redacted,
    )


def _instant(ms: int | None) -> str | None:
    return None if ms is None else format_ms(ms)


def _phone(digits: str | None) -> str | None:
    return None if digits is None else "+" + digits


def history_row(message: Message, *, redacted: bool = False) -> dict[str, Any]:
    """A message as history lists it (`HistoryMessage`): with `redacted`, its text, media, referral and the user's
    identity null, and `redacted: true`."""
    media = message.media
    row: dict[str, Any] = {
        "id": message.id,
        "conversationId": message.conversation_id,
        "direction": message.direction,
        "providerKind": message.provider_kind,
        "externalMessageId": message.external_id,
        "status": message.status,
        "messageType": message.message_type,
        "origin": message.origin,
        "text": None if redacted else message.text,
        "participantName": None if redacted else message.participant_name,
        "participantPhone": None if redacted else _phone(message.peer_phone),
        "participantUserId": None if redacted else message.peer_user_id,
        "repliedToExternalId": message.replied_to_external_id,
        "media": None
        if media is None or redacted
        else {
            "provider": media.provider,
            "id": media.id,
            "url": media.url,
            "mimeType": media.mime_type,
            "fileName": media.file_name,
        },
        "sentAt": _instant(message.sent_ms),
        "deliveredAt": _instant(message.delivered_ms),
        "readAt": _instant(message.read_ms),
        "providerTimestamp": format_ms(message.provider_ms),
        "createdAt": format_ms(message.created_ms),
        "referral": None if redacted else message.referral,
    }
    if redacted:
        row["redacted"] = True
    return row


def _with(row: bytes, extra: dict[str, Any]) -> bytes:
    """A row with `extra` keys after its own: the bytes of the object encoded whole."""
    return row[:-1] + b"," + encode_json(extra)[1:]


# -- the lists -----------------------------------------------------------------------------------------------------


def _listing(
    backend: Backend,
    number: Number,
    name: str,
    pick: Callable[[_Inbox], tuple[list[Any], Callable[[Any], int]]],
    span: Window,
    page: int,
    page_size: int,
    render: Callable[[Any, _Inbox, int | None], bytes],
    *,
    clamp: bool,
) -> EncodedJSON:
    """A page of the list `pick` chooses (its items oldest first, and the instant they are ordered by), newest first,
    within `span` (from a STORE_X_DAYS number's cutoff on, when `clamp`), each item rendered by `render`."""
    if number.spec.pii_mode == "RELAY_ONLY":
        return _relay_only(name, page, page_size)
    with backend.locked() as now:
        inbox = _inbox(number.messages)
        cutoff = _cutoff(number, now)
        ordered, key = pick(inbox)
        start, stop = _span(ordered, key, span.clamped(cutoff) if clamp else span)
        rows = [render(item, inbox, cutoff) for item in _newest_first(ordered, start, stop, page, page_size)]
    return _page_envelope(name, rows, total=stop - start, page=page, page_size=page_size)


def history(backend: Backend, number: Number, span: Window, *, page: int, page_size: int) -> EncodedJSON:
    """`GET /v1/messages/history`: every message of the number, sent and received, newest by `providerTimestamp`
    first; on a STORE_X_DAYS number, those from before the window redacted."""

    def render(message: Message, inbox: _Inbox, cutoff: int | None) -> bytes:
        return inbox.row(message, redacted=cutoff is not None and message.provider_ms < cutoff)

    return _listing(
        backend,
        number,
        "messages",
        lambda inbox: (inbox.timeline, _provider_ms),
        span,
        page,
        page_size,
        render,
        clamp=False,
    )


def unread(backend: Backend, number: Number, *, page: int, page_size: int) -> EncodedJSON:
    """`GET /v1/messages/unread`: the received messages the number has not read, newest first, each with its
    conversation's unread count; `total` is the sum of the conversations' counts."""

    def render(message: Message, inbox: _Inbox, cutoff: int | None) -> bytes:
        count = inbox.derived.conversation[message.conversation_id].unread_count(cutoff)
        return _with(inbox.row(message, redacted=False), {"conversationUnreadCount": count})

    return _listing(
        backend,
        number,
        "messages",
        lambda inbox: (inbox.derived.unread, _provider_ms),
        Window(),
        page,
        page_size,
        render,
        clamp=True,
    )


def group(backend: Backend, number: Number, span: Window, *, page: int, page_size: int) -> EncodedJSON:
    """`GET /v1/messages/group`: the messages of the number's group conversations, newest by `createdAt` first (400
    NOT_SUPPORTED_FOR_META on a Meta number: groups are for web numbers)."""
    if number.provider == "META":
        raise ApiError(
            400,
            "Group messages are not supported on a Meta Cloud API number: groups are for Pilot Status (web) numbers",
            "NOT_SUPPORTED_FOR_META",
        )

    def render(message: Message, inbox: _Inbox, cutoff: int | None) -> bytes:
        return _with(inbox.row(message, redacted=False), {"groupId": message.group_id, "groupName": message.group_name})

    return _listing(
        backend,
        number,
        "messages",
        lambda inbox: (inbox.derived.groups, _created_ms),
        span,
        page,
        page_size,
        render,
        clamp=True,
    )


def conversations(backend: Backend, number: Number, span: Window, *, page: int, page_size: int) -> EncodedJSON:
    """`GET /v1/conversations`: one per user or group, the one with the newest message first, each with its unread
    count."""

    def render(conversation: _Conversation, inbox: _Inbox, cutoff: int | None) -> bytes:
        return encode_json(
            {
                "id": conversation.id,
                "type": conversation.type,
                "from": _phone(conversation.phone),
                "userId": conversation.user_id,
                "username": None,
                "lastMessageAt": format_ms(conversation.last_ms),
                "unreadCount": conversation.unread_count(cutoff),
            }
        )

    return _listing(
        backend,
        number,
        "conversations",
        lambda inbox: (inbox.derived.conversations, _last_ms),
        span,
        page,
        page_size,
        render,
        clamp=True,
    )


# -- reading -------------------------------------------------------------------------------------------------------


def read_conversation(backend: Backend, number: Number, conversation_id: str, at: int) -> list[Message]:
    """The number reads a conversation (it writes to it: a send whose `markRead` is not false): each of its received
    messages not yet read becomes READ at `at`. The messages read, oldest first."""
    with backend.locked():
        messages = number.messages
        read = [m for m in _inbox(messages).derived.unread if m.conversation_id == conversation_id]
        for message in read:
            message.status, message.read_ms = "READ", at
            messages.changed(message)
        return read


# -- the handlers ----------------------------------------------------------------------------------------------------


def _dates(op: Operation) -> Window:
    return window(op.validated.query.get("startDate"), op.validated.query.get("endDate"))


def _history(op: Operation) -> EncodedJSON:
    query = op.validated.query
    return history(op.backend, op.acting_number, _dates(op), page=query["page"], page_size=query["pageSize"])


def _unread(op: Operation) -> EncodedJSON:
    query = op.validated.query
    return unread(op.backend, op.acting_number, page=query["page"], page_size=query["pageSize"])


def _group(op: Operation) -> EncodedJSON:
    query = op.validated.query
    return group(op.backend, op.acting_number, _dates(op), page=query["page"], page_size=query["pageSize"])


HANDLERS: dict[str, Handler] = {
    "get_messages_history": _history,
    "get_messages_unread": _unread,
    "get_messages_group": _group,
}
"""The handlers of the Messages area's reads, by operationId: the area's `responses.HANDLERS` holds them."""
