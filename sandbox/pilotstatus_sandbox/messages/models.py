"""The Messages area's state (moto's `models.py`): each sandbox number's messages, sent and received, as `Message`
records in a `Messages` store on `Number.messages`. The clock, the timers and the lock are the backend's
(`_backend`), shared by every area; what moves a sent message through its statuses is the send's (`responses`).

Every reader of the area (retrieve, history, unread, group, conversations, analytics, media) renders from these
records: a record holds what `MessageDetails` and `HistoryMessage` show, as the sandbox's own values (instants as
milliseconds, phones as digits without `+`), never as JSON.
"""

from __future__ import annotations

import base64
import random
import uuid
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from pilotstatus_sandbox._providers import Provider

if TYPE_CHECKING:
    from pilotstatus_sandbox._backend import Backend, Number

__all__ = ["FINAL_STATUSES", "Message", "MessageMedia", "Messages", "provider_kind"]

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

Direction = Literal["INBOUND", "OUTBOUND"]
ConversationType = Literal["DIRECT", "GROUP", "NEWSLETTER"]

FINAL_STATUSES = frozenset({"READ", "FAILED", "CANCELED"})
"""Statuses a message never leaves (DELIVERED is not one: a delivered message may still be read)."""


def provider_kind(provider: Provider) -> str:
    """A history row's `providerKind` for a number of this kind: `META`, or `PILOT_STATUS` for a web number."""
    return "META" if provider == "META" else "PILOT_STATUS"


@dataclass
class MessageMedia:
    """A message's media: what a history row's `media` (`ChatMessageMedia`) shows, and the bytes behind it."""

    provider: str
    """Who holds the media: `META`, `EVO` or `EVO_GO`."""
    id: str | None = None
    """The provider's media id (`GET /v1/media/{id}` on a Meta number), or None."""
    url: str | None = None
    """Where the media can be fetched (a URL or a data URI as sent), or None."""
    mime_type: str | None = None
    """Its MIME type (`image/jpeg`), or None when not known."""
    file_name: str | None = None
    """Its file name (documents), or None."""
    media_type: str | None = None
    """The send's `mediaType` (`image`, `video`, `document`, `audio`, `voice`, `sticker`), or None."""
    content: bytes | None = None
    """The media's bytes, which `media.download` returns (base64 in a data URL); None when the sandbox has none."""


@dataclass
class Message:
    """One message of a sandbox number, sent (OUTBOUND) or received (INBOUND): everything `MessageDetails`,
    `HistoryMessage` and the `message.*` webhooks show of it."""

    id: str
    """The Pilot Status id (`msg_` and a ULID): the 202's `id`, a webhook's `data.id`."""
    direction: Direction
    """OUTBOUND: sent by the number; INBOUND: written to it by a user."""
    conversation_id: str
    """The conversation it belongs to (one per peer, group or newsletter: `Messages.conversation_id`)."""
    conversation_type: ConversationType
    """DIRECT (a user), GROUP (`group_id`) or NEWSLETTER (`newsletter_id`)."""
    provider_kind: str
    """A history row's `providerKind`: `META` or `PILOT_STATUS` (`provider_kind`)."""
    created_ms: int
    """When Pilot Status stored it (`createdAt`): the send's answer, or the arrival of a received message."""
    provider_ms: int
    """The provider's timestamp (`providerTimestamp`, what history is ordered and windowed by): the arrival of a
    received message; for a sent one, `created_ms` until it is sent, then `sent_ms`."""
    status: str
    """A `MessageStatus`: QUEUED, SENT, DELIVERED, READ, FAILED or CANCELED (a received message: DELIVERED until the
    number reads it, then READ)."""
    peer_phone: str | None = None
    """The user's phone, digits without `+`: the destination of a sent message (`destinationNumber`), the sender of a
    received one (`participantPhone`); None for a group or newsletter send."""
    peer_user_id: str | None = None
    """The user's business-scoped user id (BSUID, `participantUserId`), when known."""
    participant_name: str | None = None
    """The user's profile name (`participantName`) on a received message, or None."""
    group_id: str | None = None
    """The group (`…@g.us`) of a group message, sent or received, or None."""
    group_name: str | None = None
    """The group's name, when known."""
    newsletter_id: str | None = None
    """The newsletter (`…@newsletter`) of a newsletter message, or None."""
    newsletter_name: str | None = None
    """The newsletter's name, when known."""
    message_type: str = "text"
    """`messageType` and a webhook's `type`: `text`, `image`, `video`, `document`, `audio`, `sticker`, `template`,
    `interactive`, ..."""
    text: str | None = None
    """The text (a caption with media, the body of a list or flow), or None."""
    media: MessageMedia | None = None
    """Its media, or None."""
    sent_ms: int | None = None
    """When it became SENT (`sentAt`), or None."""
    delivered_ms: int | None = None
    """When it became DELIVERED (`deliveredAt`), or None."""
    read_ms: int | None = None
    """When it was read (`readAt`): by the user for a sent message, by the number for a received one; or None."""
    failed_ms: int | None = None
    """When it became FAILED, or None."""
    canceled_ms: int | None = None
    """When it was CANCELED, or None."""
    error_code: str | None = None
    """A FAILED message's code, from the Log Error Codes (`errorCode`: `META_OUTSIDE_24H_WINDOW`, ...), else None."""
    error_message: str | None = None
    """A FAILED message's reason in words (`errorMessage`), else None."""
    origin: str | None = None
    """Which rail sent it (`origin`: `API` for the send endpoint); None on a received message."""
    correlation_id: str | None = None
    """The send's correlation id (the 202's `correlationId`); None on a received message."""
    external_id: str | None = None
    """The provider's id (`externalMessageId`, a `wamid.` on Meta): None for a send until it is SENT."""
    template: str | None = None
    """The template sent (its id or name as given), or None for any other send."""
    template_category: str | None = None
    """The category of the template sent (`MARKETING`, `UTILITY`, `AUTHENTICATION`), or None for any other send."""
    variables: dict[str, str] = field(default_factory=dict)
    """The template's variables as sent."""
    deliver_at_ms: int | None = None
    """A scheduled send's `deliverAt`: it stays QUEUED until then (and can be canceled); None when sent at once."""
    deliver_until_ms: int | None = None
    """A send's `deliverUntil`: not delivered before it, the message is FAILED (`sending`); None when unbounded."""
    replied_to_external_id: str | None = None
    """The provider id of the message a received reply quotes (`repliedToExternalId`), or None."""
    referral: dict[str, Any] | None = None
    """A click-to-WhatsApp referral on a received message (`referral`, as the API writes it), or None."""
    flow_token: str | None = None
    """The flow token minted for a send that carries a flow (the 202's `flowToken`), or None."""
    labels: list[str] = field(default_factory=list)
    """The send's labels."""
    meta_pricing: dict[str, Any] | None = None
    """Meta's pricing (`metaPricing`, as the API writes it): None until Meta reports, always on other numbers."""
    request: dict[str, Any] | None = None
    """The send's body as received (what a flow, list, carousel or buttons carried), or None."""


class Messages:
    """One sandbox number's messages, sent and received, in the order they were added; found by id, correlation id or
    provider id. Its methods hold the backend's lock without applying due transitions (`Backend.held`), so that a
    timer's action may call them too; a reader that must see every transition due takes `Backend.locked` first."""

    def __init__(self, backend: Backend, number: Number) -> None:
        self.number = number
        self._backend = backend
        self._random = random.Random(zlib.crc32(b"messages:" + number.number_id.encode()) ^ backend.config.seed)
        self._messages: list[Message] = []  # oldest added first
        self._by_ref: dict[str, Message] = {}  # by id, correlation id and provider id
        self._conversations: dict[str, str] = {}  # peer phone, group or newsletter id -> conversation id
        self.version = 0
        """Incremented whenever a message is added or changes (`changed`): a reader's cache key."""

    # -- adding and finding --------------------------------------------------------------------------------

    def add(self, message: Message) -> Message:
        """Keep `message` (its id, correlation id and provider id, if any, all find it)."""
        with self._backend.held():
            assert message.id not in self._by_ref, f"{message.id} is already a message of {self.number.number_id}"
            self._messages.append(message)
            self._index(message)
            self.version += 1
            return message

    def add_all(self, messages: Iterable[Message]) -> None:
        """Keep each of `messages`, in order, as `add` would, under one hold of the lock (the seeded messages: tens
        of thousands at start-up)."""
        with self._backend.held():
            for message in messages:
                assert message.id not in self._by_ref, f"{message.id} is already a message of {self.number.number_id}"
                self._messages.append(message)
                self._index(message)
            self.version += 1

    def changed(self, message: Message) -> None:
        """Say that `message` changed (a status, or its provider id set): indexes and `version` follow."""
        with self._backend.held():
            self._index(message)
            self.version += 1

    def find(self, ref: str) -> Message | None:
        """The message whose id, correlation id or provider id (wamid) is `ref`, or None."""
        with self._backend.held():
            return self._by_ref.get(ref)

    def all(self) -> list[Message]:
        """Every message of the number, oldest added first (a copy: the records themselves are shared)."""
        with self._backend.held():
            return list(self._messages)

    def __len__(self) -> int:
        return len(self._messages)

    def last_inbound_ms(self, peer_phone: str) -> int | None:
        """When `peer_phone` (digits) last wrote to the number, or None if never: the start of Meta's 24-hour
        customer-service window."""
        with self._backend.held():
            for message in reversed(self._messages):
                if message.direction == "INBOUND" and message.peer_phone == peer_phone and message.group_id is None:
                    return message.created_ms
            return None

    # -- making ids --------------------------------------------------------------------------------------------

    def conversation_id(self, key: str) -> str:
        """The id of the conversation with `key` (a peer's digits, a group or newsletter id), made the first time."""
        with self._backend.held():
            known = self._conversations.get(key)
            if known is None:
                known = self._conversations[key] = "conv_" + self._random.randbytes(12).hex()
            return known

    def new_id(self, now_ms: int, prefix: str = "msg_") -> str:
        """A new id: `prefix` and a ULID of `now_ms` (ids made later sort after, within a millisecond at random)."""
        with self._backend.held():
            ulid = (now_ms % (1 << 48)) << 80 | self._random.getrandbits(80)
            return prefix + "".join(_CROCKFORD[(ulid >> shift) & 31] for shift in range(125, -1, -5))

    def new_uuid(self) -> str:
        """A new random UUID (version 4), drawn from the number's seeded generator: a correlation id."""
        with self._backend.held():
            return str(uuid.UUID(int=self._random.getrandbits(128), version=4))

    def new_external_id(self) -> str:
        """A new provider id: a `wamid.` on a Meta number, a web provider's upper-case hex id otherwise."""
        with self._backend.held():
            if self.number.provider == "META":
                return "wamid." + base64.b64encode(self._random.randbytes(30)).decode()
            return "3EB0" + self._random.randbytes(10).hex().upper()

    def _index(self, message: Message) -> None:
        for ref in (message.id, message.correlation_id, message.external_id):
            if ref is not None:
                self._by_ref.setdefault(ref, message)
