"""Call and message webhooks: check that a delivery comes from Pilot Status, and read it as a typed event.

    from pilotstatus import webhooks

    def receive(body: bytes, headers: webhooks.Headers) -> int:  # in any web framework
        try:
            event = webhooks.unwrap(body, headers, secret=os.environ["PILOT_STATUS_WEBHOOK_SECRET"])
        except webhooks.WebhookError:
            return 400  # not signed with the secret, or not an event: refused, and retried by the sender
        if isinstance(event, webhooks.CallWebhookEvent) and event.event == "call.ended":
            print(event.call_id, event.status, event.duration)
        elif isinstance(event, webhooks.MessageFailedWebhookEvent):
            print(event.id, event.error_code, event.error)
        return 200

Pilot Status signs each delivery with the header `x-pilot-status-signature`: the hex HMAC-SHA256 of the raw request
body, keyed with the webhook's signing secret. `verify()` checks it in constant time over the body's bytes exactly as
received, so pass the body before any framework parses it; `unwrap()` verifies, then parses (as stripe-python's
`Webhook.construct_event` does). What is accepted beyond the documented form: upper-case hex digits and a `sha256=`
prefix (neither is documented, and neither weakens the check). Nothing is documented about a timestamp or a replay
window, so none is checked: a receiver that must refuse a replayed delivery keeps the ids it has seen.

`headers` are the request's headers as the framework gives them: any mapping (a dict, httpx's and Starlette's
`Headers`, Django's `request.headers`), an object with `items()` (werkzeug's `request.headers` in Flask, the standard
library's `http.server`), or (name, value) pairs (an ASGI scope's `headers`); names and values as text or bytes.

The events (`openapi.json`'s `webhooks` section, whose models are generated into `pilotstatus_api`):

- `call.ringing`, `call.connected`, `call.ended`, `call.missed` come back as a `CallWebhookEvent`;
- `call.permission_updated` as a `CallPermissionWebhookEvent`;
- the `message.*` events (an envelope `{"event": ..., "data": {...}}`) as a `MessageWebhookEvent` of their shape:
  `message.sent`, `message.delivered` and `message.read` as a `MessageStatusWebhookEvent`, `message.failed` as a
  `MessageFailedWebhookEvent` (`error`, `error_code`), `message.received` as a `MessageReceivedWebhookEvent`
  (`participant_name`), `message.reply` as a `MessageReplyWebhookEvent` (`quoted_message_id`, `content_replied`),
  `message.group` as a `MessageGroupWebhookEvent` (`group_id`, `group_name`) and `message.newsletter` as a
  `MessageNewsletterWebhookEvent` (`newsletter_id`, `newsletter_name`); each with the common fields of `data`
  (`id`, `message_id`, `created_at`, `from_`, `to`, `content`, ...) as attributes, and the generated models as
  `model` and `data`;
- anything else, an event added later (a `message.*` name this version does not list, a `number.*` event), a native
  Evolution GO event a web number may get (`{"event": "CallOffer", "instance": ..., "data": {...}}`) or Meta's raw
  `calls` envelope, as an `UnknownWebhookEvent`: never an error, since the platform adds events, and nothing in it is
  checked.

A known event is checked against the schema the spec gives its body (`pilotstatus_api.webhook_schemas`, generated from
the `webhooks` section by `make generate`, so that an event added to the spec is checked the same way), so that each
field of the event holds the type it declares. Fields added later are kept (`event.raw`, and the model's
`additional_properties`), and a status or direction this SDK does not know is kept as a plain string: both are logged
as drift from the spec, one WARNING on the `pilotstatus` logger for each distinct one in the life of the process (see
`pilotstatus._drift`; the unknown value is named, never the value of an unknown field).

A delivery is refused with a `WebhookError` (a `PilotStatusError`): a `WebhookVerificationError` when its signature is
missing, malformed or wrong, a `WebhookPayloadError` when it is signed but its body is not a JSON object, or is a
known event its schema refuses, naming the field: a required key missing (`event`, `status`, `timestamp`, and
`callId`, `direction`, `from` and `to`, which may be null, of a call event; `data`, `data.id`, `data.createdAt`...
of a message event), a value of the wrong type (`"duration": "abc"`, a `null` where none is allowed), a `timestamp`
or `createdAt` that is not an ISO 8601 date-time with a zone, or a number that is not finite anywhere in the body
(`NaN`, `Infinity`, or `1e999`, which Python's `json` reads as infinite: none is JSON). No message holds the secret
or the signature expected. An empty secret, a body that is not bytes or text (a parsed dict, say), or headers of no
shape above (None, a number, a list that holds no pairs) are a mistake of the caller: `InvalidInputError`, a
`ValueError`, naming the argument.

`sign()` makes the header's value, for testing a receiver: `headers={SIGNATURE_HEADER: sign(body, secret)}`.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, Protocol, Self, TypeAlias, TypeVar, get_args

from pilotstatus_api.models.call_direction import CallDirection
from pilotstatus_api.models.call_event import CallEvent
from pilotstatus_api.models.call_event_name import CallEventName
from pilotstatus_api.models.call_permission_event_status import CallPermissionEventStatus
from pilotstatus_api.models.call_permission_updated_event import CallPermissionUpdatedEvent
from pilotstatus_api.models.call_status import CallStatus
from pilotstatus_api.models.message_event import MessageEvent
from pilotstatus_api.models.message_event_data import MessageEventData
from pilotstatus_api.models.message_event_name import MessageEventName
from pilotstatus_api.models.message_failed_event import MessageFailedEvent
from pilotstatus_api.models.message_failed_event_data import MessageFailedEventData
from pilotstatus_api.models.message_group_event import MessageGroupEvent
from pilotstatus_api.models.message_group_event_data import MessageGroupEventData
from pilotstatus_api.models.message_newsletter_event import MessageNewsletterEvent
from pilotstatus_api.models.message_newsletter_event_data import MessageNewsletterEventData
from pilotstatus_api.models.message_received_event import MessageReceivedEvent
from pilotstatus_api.models.message_received_event_data import MessageReceivedEventData
from pilotstatus_api.models.message_reply_event import MessageReplyEvent
from pilotstatus_api.models.message_reply_event_data import MessageReplyEventData
from pilotstatus_api.models.whats_app_message_type import WhatsAppMessageType
from pilotstatus_api.webhook_schemas import WEBHOOK_SCHEMAS

from ._credentials import Credentials
from ._drift import DriftRecord
from ._exceptions import InvalidInputError, WebhookError, WebhookPayloadError, WebhookVerificationError
from ._validation import FORMATS, RefusedError, conform
from ._validation import SUPPORTED as SUPPORTED  # the keywords a webhook schema may use, as requests'

__all__ = [
    "CALL_EVENTS",
    "MESSAGE_EVENTS",
    "PERMISSION_EVENT",
    "SIGNATURE_HEADER",
    "CallPermissionWebhookEvent",
    "CallWebhookEvent",
    "Headers",
    "MessageFailedWebhookEvent",
    "MessageGroupWebhookEvent",
    "MessageNewsletterWebhookEvent",
    "MessageReceivedWebhookEvent",
    "MessageReplyWebhookEvent",
    "MessageStatusWebhookEvent",
    "MessageWebhookEvent",
    "UnknownWebhookEvent",
    "WebhookError",
    "WebhookEvent",
    "WebhookPayloadError",
    "WebhookVerificationError",
    "parse",
    "sign",
    "unwrap",
    "verify",
]

SIGNATURE_HEADER = "x-pilot-status-signature"
"""The header that carries a delivery's signature (HTTP header names are case-insensitive)."""

CALL_EVENTS: frozenset[str] = frozenset(get_args(CallEventName))
"""The events of a call, read as `CallWebhookEvent`s: the spec's `CallEventName`."""

PERMISSION_EVENT = "call.permission_updated"
"""The event of a user's answer to a call permission request, read as a `CallPermissionWebhookEvent`."""

MESSAGE_EVENTS: frozenset[str] = frozenset(get_args(MessageEventName))
"""The events of a message, each read as the `MessageWebhookEvent` of its shape: the spec's `MessageEventName`."""

# The signature: 64 hex digits, maybe after `sha256=` (GitHub's spelling, which some proxies and tools add).
_SIGNATURE = re.compile(r"(?:sha256=)?([0-9a-f]{64})", re.IGNORECASE)
_DIGEST_SIZE = hashlib.sha256().digest_size

_drift_record = DriftRecord()
"""The drift the known events read in this process have been warned about: each distinct one once, as a client
does for its responses (a receiver has no client; the deliveries of one process are its record)."""


class _SupportsItems(Protocol):
    def items(self) -> Iterable[tuple[Any, Any]]: ...


Headers: TypeAlias = _SupportsItems | Iterable[tuple[str | bytes, str | bytes]]
"""A request's headers as a web framework gives them: a mapping (a dict, httpx's and Starlette's `Headers`, Django's
`HttpHeaders`), an object with `items()` (werkzeug's `EnvironHeaders`, `http.server`'s message), or (name, value)
pairs (an ASGI scope's `headers`); names and values as text or bytes."""


@dataclass(frozen=True, eq=True, repr=False)
class CallWebhookEvent:
    """A `call.ringing`, `call.connected`, `call.ended` or `call.missed` delivery.

    `model` is the generated `CallEvent` the body parsed into; `raw` the body as it came (a dict, every field kept).
    The attributes read the model's fields; `timestamp` is an aware datetime.
    """

    model: CallEvent
    raw: dict[str, Any]

    @property
    def event(self) -> CallEventName | str:
        """The event's name: `call.ringing`, `call.connected`, `call.ended` or `call.missed`."""
        return self.model.event

    @property
    def call_id(self) -> str | None:
        """The Pilot Status call id (`call_...`)."""
        return self.model.call_id

    @property
    def external_call_id(self) -> str | None:
        """The provider's call id (Meta `wacid...`, Evolution GO `CallID`), when the body has one."""
        return self.model.external_call_id

    @property
    def direction(self) -> CallDirection | str | None:
        """INBOUND (the user called) or OUTBOUND (the business called)."""
        return self.model.direction

    @property
    def status(self) -> CallStatus | str:
        """The call's status after the event: RINGING, ACCEPTED, COMPLETED, FAILED, REJECTED or MISSED."""
        return self.model.status

    @property
    def from_(self) -> str | None:
        """Who placed the call: digits, without `+`."""
        return self.model.from_

    @property
    def to(self) -> str | None:
        """Who was called: digits, without `+`."""
        return self.model.to

    @property
    def timestamp(self) -> datetime.datetime:
        """When the event happened (aware)."""
        return self.model.timestamp

    @property
    def duration(self) -> int | None:
        """How long the call was connected, in seconds: on `call.ended`, when it had been answered."""
        return self.model.duration

    @property
    def biz_opaque_callback_data(self) -> str | None:
        """The `biz_opaque_callback_data` given to Start call, echoed on the event that ends the call."""
        return self.model.biz_opaque_callback_data

    def __repr__(self) -> str:
        return (
            f"CallWebhookEvent(event={self.event!r}, call_id={self.call_id!r}, status={self.status!r},"
            f" timestamp={self.timestamp.isoformat()!r})"
        )


@dataclass(frozen=True, eq=True, repr=False)
class CallPermissionWebhookEvent:
    """A `call.permission_updated` delivery (Meta numbers): the user answered a call permission request.

    `model` is the generated `CallPermissionUpdatedEvent`; `raw` the body as it came. `call_id` and `direction` are
    None (a permission belongs to no call); `from_` is the user, `to` the business number.
    """

    model: CallPermissionUpdatedEvent
    raw: dict[str, Any]

    @property
    def event(self) -> Literal["call.permission_updated"]:
        return self.model.event

    @property
    def call_id(self) -> str | None:
        return self.model.call_id

    @property
    def direction(self) -> str | None:
        return self.model.direction

    @property
    def status(self) -> CallPermissionEventStatus | str:
        """NO_PERMISSION, TEMPORARY (7 days) or PERMANENT."""
        return self.model.status

    @property
    def from_(self) -> str | None:
        return self.model.from_

    @property
    def to(self) -> str | None:
        return self.model.to

    @property
    def timestamp(self) -> datetime.datetime:
        """When the user answered (aware)."""
        return self.model.timestamp

    def __repr__(self) -> str:
        return (
            f"CallPermissionWebhookEvent(status={self.status!r}, from_={self.from_!r},"
            f" timestamp={self.timestamp.isoformat()!r})"
        )


_MessageModel: TypeAlias = (
    MessageEvent | MessageFailedEvent | MessageReceivedEvent | MessageReplyEvent | MessageGroupEvent
    | MessageNewsletterEvent
)  # fmt: skip
_MessageData: TypeAlias = (
    MessageEventData | MessageFailedEventData | MessageReceivedEventData | MessageReplyEventData
    | MessageGroupEventData | MessageNewsletterEventData
)  # fmt: skip


@dataclass(frozen=True, eq=True, repr=False)
class MessageWebhookEvent:
    """A `message.*` delivery: what every message event has. Each event is read as one of its subclasses, by the
    shape of its `data`: `MessageStatusWebhookEvent` (`message.sent`, `message.delivered`, `message.read`),
    `MessageFailedWebhookEvent`, `MessageReceivedWebhookEvent`, `MessageReplyWebhookEvent`, `MessageGroupWebhookEvent`
    and `MessageNewsletterWebhookEvent`.

    `model` is the generated envelope (`{event, data}`) the body parsed into, `data` its `data`; `raw` the body as it
    came (a dict, every field kept). The attributes read the fields of `data` every message event has (the media
    fields, `media_link` and the rest, are on `data`); `created_at` is an aware datetime. The same message's events
    share its `id`: a receiver that must not act twice on a retried delivery keeps the (`event`, `id`) it has seen.
    """

    _model_class: ClassVar[type[_MessageModel]] = MessageEvent

    model: _MessageModel
    raw: dict[str, Any]

    @property
    def event(self) -> MessageEventName | str:
        """The event's name: `message.sent`, `message.delivered`, ... (`MESSAGE_EVENTS`)."""
        return self.model.event

    @property
    def data(self) -> _MessageData:
        """The event's `data`, as the generated model of its shape."""
        return self.model.data

    @property
    def id(self) -> str:
        """The Pilot Status message id: the `id` the send's 202 answered, for a message the API sent."""
        return self.model.data.id

    @property
    def message_id(self) -> str | None:
        """The provider's message id (Meta `wamid...`); None for a failure before the provider took the message."""
        return self.model.data.message_id

    @property
    def number_id(self) -> str:
        """The id of the number that handled the message (as `/v1/numbers` gives it)."""
        return self.model.data.number_id

    @property
    def created_at(self) -> datetime.datetime:
        """When the event happened (aware)."""
        return self.model.data.created_at

    @property
    def from_me(self) -> bool:
        """Whether the number sent the message (True) or a user did (False)."""
        return self.model.data.from_me

    @property
    def from_(self) -> str | None:
        """Who wrote, in E.164 with `+`; on the events of a message the number sent, its own phone, when given."""
        return self.model.data.from_

    @property
    def to(self) -> str:
        """Who the message is for, in E.164 with `+`: the recipient of a message the number sent."""
        return self.model.data.to

    @property
    def type_(self) -> WhatsAppMessageType | str | None:
        """What the message holds: `text`, `image`, `audio`, `video`, `document`, ... when the event says."""
        return self.model.data.type_

    @property
    def content(self) -> str | None:
        """The message's text, when the event carries it."""
        return self.model.data.content

    @property
    def correlation_id(self) -> str | None:
        """The `correlation_id` of the send's answer, for a message the API sent."""
        return self.model.data.correlation_id

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(event={self.event!r}, id={self.id!r}, message_id={self.message_id!r},"
            f" created_at={self.created_at.isoformat()!r})"
        )


@dataclass(frozen=True, eq=True, repr=False)
class MessageStatusWebhookEvent(MessageWebhookEvent):
    """A `message.sent`, `message.delivered` or `message.read` delivery: a message the number sent moved on (SENT,
    DELIVERED, READ). `to` is the recipient; `from_`, the number's own phone, may be None. `model` is the generated
    `MessageEvent`."""

    _model_class: ClassVar[type[_MessageModel]] = MessageEvent

    model: MessageEvent

    @property
    def data(self) -> MessageEventData:
        return self.model.data


@dataclass(frozen=True, eq=True, repr=False)
class MessageFailedWebhookEvent(MessageWebhookEvent):
    """A `message.failed` delivery: a message the number was asked to send was not sent or not delivered (FAILED),
    after the send's 202. `model` is the generated `MessageFailedEvent`."""

    _model_class: ClassVar[type[_MessageModel]] = MessageFailedEvent

    model: MessageFailedEvent

    @property
    def event(self) -> Literal["message.failed"]:
        return self.model.event

    @property
    def data(self) -> MessageFailedEventData:
        return self.model.data

    @property
    def error(self) -> str:
        """Why the message failed, in words."""
        return self.model.data.error

    @property
    def error_code(self) -> str | None:
        """Why the message failed, as a code of the Log Error Codes (`META_OUTSIDE_24H_WINDOW`, ...), when given."""
        return self.model.data.error_code


@dataclass(frozen=True, eq=True, repr=False)
class MessageReceivedWebhookEvent(MessageWebhookEvent):
    """A `message.received` delivery: a user wrote to the number. `from_` is the user, `to` the number. `model` is
    the generated `MessageReceivedEvent`."""

    _model_class: ClassVar[type[_MessageModel]] = MessageReceivedEvent

    model: MessageReceivedEvent

    @property
    def event(self) -> Literal["message.received"]:
        return self.model.event

    @property
    def data(self) -> MessageReceivedEventData:
        return self.model.data

    @property
    def from_(self) -> str:
        """The user who wrote, in E.164 with `+`."""
        return self.model.data.from_

    @property
    def participant_name(self) -> str | None:
        """The user's WhatsApp profile name, when known."""
        return self.model.data.participant_name


@dataclass(frozen=True, eq=True, repr=False)
class MessageReplyWebhookEvent(MessageWebhookEvent):
    """A `message.reply` delivery: a user replied to a message, quoting it. `quoted_message_id` is the quoted
    message's `message_id` (the one its `message.sent` carried). `model` is the generated `MessageReplyEvent`."""

    _model_class: ClassVar[type[_MessageModel]] = MessageReplyEvent

    model: MessageReplyEvent

    @property
    def event(self) -> Literal["message.reply"]:
        return self.model.event

    @property
    def data(self) -> MessageReplyEventData:
        return self.model.data

    @property
    def from_(self) -> str:
        """The user who replied, in E.164 with `+`."""
        return self.model.data.from_

    @property
    def participant_name(self) -> str | None:
        """The user's WhatsApp profile name, when known."""
        return self.model.data.participant_name

    @property
    def quoted_message_id(self) -> str | None:
        """The provider id of the message quoted, when given."""
        return self.model.data.quoted_message_id

    @property
    def content_replied(self) -> str | None:
        """The text of the message quoted, when given."""
        return self.model.data.content_replied


@dataclass(frozen=True, eq=True, repr=False)
class MessageGroupWebhookEvent(MessageWebhookEvent):
    """A `message.group` delivery: a message in a WhatsApp group the number is in. `from_` is the participant who
    wrote. `model` is the generated `MessageGroupEvent`."""

    _model_class: ClassVar[type[_MessageModel]] = MessageGroupEvent

    model: MessageGroupEvent

    @property
    def event(self) -> Literal["message.group"]:
        return self.model.event

    @property
    def data(self) -> MessageGroupEventData:
        return self.model.data

    @property
    def from_(self) -> str:
        """The participant who wrote, in E.164 with `+`."""
        return self.model.data.from_

    @property
    def participant_name(self) -> str | None:
        """The participant's WhatsApp profile name, when known."""
        return self.model.data.participant_name

    @property
    def group_id(self) -> str | None:
        """The group's WhatsApp id (`...@g.us`), when given."""
        return self.model.data.group_id

    @property
    def group_name(self) -> str | None:
        """The group's name, when known."""
        return self.model.data.group_name


@dataclass(frozen=True, eq=True, repr=False)
class MessageNewsletterWebhookEvent(MessageWebhookEvent):
    """A `message.newsletter` delivery: a post in a WhatsApp channel the number follows. `model` is the generated
    `MessageNewsletterEvent`."""

    _model_class: ClassVar[type[_MessageModel]] = MessageNewsletterEvent

    model: MessageNewsletterEvent

    @property
    def event(self) -> Literal["message.newsletter"]:
        return self.model.event

    @property
    def data(self) -> MessageNewsletterEventData:
        return self.model.data

    @property
    def from_(self) -> str:
        """Who posted, in E.164 with `+`."""
        return self.model.data.from_

    @property
    def participant_name(self) -> str | None:
        """The poster's WhatsApp profile name, when known."""
        return self.model.data.participant_name

    @property
    def newsletter_id(self) -> str | None:
        """The channel's WhatsApp id (`...@newsletter`), when given."""
        return self.model.data.newsletter_id

    @property
    def newsletter_name(self) -> str | None:
        """The channel's name, when known."""
        return self.model.data.newsletter_name


_MESSAGE_SHAPES: dict[str, type[MessageWebhookEvent]] = {
    "message.sent": MessageStatusWebhookEvent,
    "message.delivered": MessageStatusWebhookEvent,
    "message.read": MessageStatusWebhookEvent,
    "message.failed": MessageFailedWebhookEvent,
    "message.received": MessageReceivedWebhookEvent,
    "message.reply": MessageReplyWebhookEvent,
    "message.group": MessageGroupWebhookEvent,
    "message.newsletter": MessageNewsletterWebhookEvent,
}
"""The class each message event is read as (its generated model is the class's `_model_class`)."""


@dataclass(frozen=True, eq=True, repr=False)
class UnknownWebhookEvent:
    """A delivery that is no event this SDK knows: one added later (a `message.*` name this version does not list, a
    `number.*` event), a native Evolution GO event (`CallOffer`...), or Meta's raw `calls` envelope. `event` is the
    body's `event` when it is a string (None for Meta's envelope, which has none); `raw` the body as it came."""

    event: str | None
    raw: dict[str, Any]

    def __repr__(self) -> str:
        return f"UnknownWebhookEvent(event={self.event!r}, keys={sorted(self.raw)!r})"


WebhookEvent: TypeAlias = CallWebhookEvent | CallPermissionWebhookEvent | MessageWebhookEvent | UnknownWebhookEvent
"""What `unwrap()` and `parse()` return."""


def sign(payload: bytes | str, secret: str) -> str:
    """The `x-pilot-status-signature` of `payload` with `secret`: the hex HMAC-SHA256 of the body, as Pilot Status
    sends it. For testing a receiver; a str payload is signed as its UTF-8 bytes."""
    return hmac.new(_key(secret), _body(payload), hashlib.sha256).hexdigest()


def verify(payload: bytes | str, signature: str | bytes, secret: str) -> None:
    """Check that `signature` (the `x-pilot-status-signature` header) is the HMAC-SHA256 of `payload` with `secret`,
    in constant time; raise `WebhookVerificationError` if it is not.

    `payload` is the request body exactly as received: its bytes, or the text they decode to in UTF-8 (anything that
    re-serializes a parsed body changes the bytes, and the check fails). Raises `InvalidInputError` for an empty
    secret or a payload that is neither bytes nor text.
    """
    key, body = _key(secret), _body(payload)
    _verify(body, signature, key)


def unwrap(payload: bytes | str, headers: Headers, secret: str) -> WebhookEvent:
    """Verify a delivery with its `headers` (the `x-pilot-status-signature` header is found whatever its case, in any
    shape a web framework gives headers: see `Headers`), then read it as an event: `CallWebhookEvent`,
    `CallPermissionWebhookEvent`, a `MessageWebhookEvent` of the event's shape, or `UnknownWebhookEvent` for any
    other.

    Raises `WebhookVerificationError` (no header, or a signature that does not verify) before reading anything, and
    `WebhookPayloadError` for a signed body that is not an event, or a known event its schema refuses (see the
    module's docstring); `InvalidInputError` for an empty secret, a payload that is not bytes or text, or headers of
    no known shape.
    """
    # The caller's mistakes first, even when the header is missing too.
    key, body, signature = _key(secret), _body(payload), _header(headers)
    if signature is None:
        raise WebhookVerificationError(f"no {SIGNATURE_HEADER} header: the delivery is not signed", payload=body)
    _verify(body, signature, key)
    # A drift warning redacts the secret as a client's redacts its key, should a body ever hold it.
    return _parse(body, Credentials(SIGNATURE_HEADER, secret).redact)


def parse(payload: bytes | str | Mapping[str, Any]) -> WebhookEvent:
    """Read a delivery's body as an event, without verifying it: for a body already verified, or an event as the
    sandbox's `/_sandbox/events` lists it (a dict). Raises `WebhookPayloadError` for a body that is not an event, or a
    known event its schema refuses."""
    return _parse(payload, _unchanged)


def _parse(payload: bytes | str | Mapping[str, Any], redact: _Redact) -> WebhookEvent:
    if isinstance(payload, Mapping):
        return _event(dict(payload), b"", redact)
    body = _body(payload)
    try:
        decoded = json.loads(body)
    except (ValueError, RecursionError) as error:  # RecursionError: nested deeper than the parser goes
        raise WebhookPayloadError(f"the webhook's body is not JSON ({_reason(error)})", payload=body) from None
    if not isinstance(decoded, dict):
        raise WebhookPayloadError(
            f"the webhook's body is JSON but not an object (it is {_json_kind(decoded)})", payload=body
        )
    return _event(decoded, body, redact)


def _event(raw: dict[str, Any], body: bytes, redact: _Redact) -> WebhookEvent:
    name = raw.get("event")
    if not isinstance(name, str):  # Meta's raw envelope has none; and a list is not even hashable
        return UnknownWebhookEvent(None, raw)
    if name in CALL_EVENTS:
        call = _model(CallEvent, raw, body, redact)
        return CallWebhookEvent(call, raw)
    if name == PERMISSION_EVENT:
        permission = _model(CallPermissionUpdatedEvent, raw, body, redact)
        return CallPermissionWebhookEvent(permission, raw)
    shape = _MESSAGE_SHAPES.get(name)
    if shape is not None:
        return shape(_model(shape._model_class, raw, body, redact), raw)
    return UnknownWebhookEvent(name, raw)


class _Readable(Protocol):
    """A generated model: what `_model` parses a body into."""

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


_Model = TypeVar("_Model", bound=_Readable)
_Redact: TypeAlias = Callable[[str], str]


def _unchanged(text: str) -> str:
    return text


def _model(model: type[_Model], raw: dict[str, Any], body: bytes, redact: _Redact) -> _Model:
    """`raw` checked against its event's schema, then parsed by the generated event model; its drift from the spec (a
    field or an enum value the model does not know) warned about."""
    name: str = raw["event"]
    _check_finite(name, raw, body)
    try:
        data = conform(raw, WEBHOOK_SCHEMAS[name], _FORMATS, whole_floats=True)
    except RefusedError as refused:
        raise WebhookPayloadError(f"the {name} event{_worded(refused)}", payload=body) from None
    try:  # the schema and the model come from one spec: what the schema lets through, the model reads
        parsed = model.from_dict(data)
    except KeyError as missing:  # (but should they ever disagree, the error is still a WebhookPayloadError)
        raise WebhookPayloadError(f"the {name} event has no `{missing.args[0]}`", payload=body) from None
    except (ValueError, TypeError) as error:
        raise WebhookPayloadError(f"the {name} event cannot be read: {_reason(error)}", payload=body) from None
    _drift_record.notice(name, parsed, redact, source="webhook")
    return parsed


# --- the checks of a known event ------------------------------------------------------------------------------------
# The schemas of `pilotstatus_api.webhook_schemas` are checked by the SDK's one schema walker (`_validation.conform`,
# which applies the keywords of `SUPPORTED`; a test fails if the spec starts using another in a webhook). What is a
# delivery's own is said here: it is JSON the server wrote, so a failure names the field by its JSON key and the value
# by its JSON kind ("`duration` is a string, not an integer"), a whole number written with a fraction (`120.0`) where
# an integer is expected becomes the int the model declares, and a `date-time` is read as the model reads it.

_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]{1,64}")
_SHOWN = 60  # characters of a value's repr shown in a message
_KINDS = {"string": "a string", "integer": "an integer", "number": "a number", "boolean": "a boolean",
          "null": "null", "object": "an object", "array": "an array"}  # fmt: skip


def _instant(value: str) -> str | None:
    """`format: date-time`, read as the model reads it (`datetime.fromisoformat`), and with a zone: an instant."""
    try:
        stamp = datetime.datetime.fromisoformat(value)
    except ValueError:
        return "is not an ISO 8601 date-time"
    return "has no time zone" if stamp.tzinfo is None or stamp.utcoffset() is None else None


_FORMATS = {**FORMATS, "date-time": _instant}


def _worded(refused: RefusedError) -> str:
    """What `refused` says is wrong in an event, worded to follow "the call.ended event": " has no `callId`", "'s
    `duration` is a string, not an integer"."""
    where = ""
    for step in refused.path:
        where = _path(where, step)
    rule, value, limit = refused.rule, refused.value, refused.limit
    if rule == "required":
        return f" has no `{where}`"
    if rule == "type":
        return f"'s `{where}` is {_json_kind(value)}, not {_wanted(limit)}"
    if rule == "const":
        return f"'s `{where}` is {_shown(value)}, not {_shown(limit)}"
    if rule == "enum":
        return f"'s `{where}` is {_shown(value)}, not one of {', '.join(map(_shown, limit))}"
    if rule in ("minLength", "maxLength"):
        return f"'s `{where}` is {'shorter' if rule == 'minLength' else 'longer'} than {limit} characters"
    if rule == "pattern":
        return f"'s `{where}` {_shown(value)} does not match {limit}"
    if rule == "format":
        return f"'s `{where}` {_shown(value)} {limit}"
    if rule == "minimum":
        return f"'s `{where}` is {_shown(value)}, below its minimum of {limit}"
    if rule == "maximum":
        return f"'s `{where}` is {_shown(value)}, above its maximum of {limit}"
    if rule in ("minItems", "maxItems"):
        return f"'s `{where}` has {'fewer' if rule == 'minItems' else 'more'} than {limit} items"
    return f"'s `{where}` is {_shown(value)}, which it must not be"  # "not"


def _check_finite(name: str, raw: dict[str, Any], body: bytes) -> None:
    """Refuse a number that is not finite anywhere in the event: JSON has none, but Python's `json` reads `NaN`,
    `Infinity` and `-Infinity`, and a number too large for a float (`1e999`) as infinite."""
    stack: list[tuple[Mapping[Any, Any] | list[Any], str]] = [(raw, "")]
    while stack:  # a loop, not recursion: a body may be nested as deep as the parser went
        container, where = stack.pop()
        items = container.items() if isinstance(container, Mapping) else enumerate(container)
        for key, value in items:
            if isinstance(value, float) and not math.isfinite(value):
                written = "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
                raise WebhookPayloadError(
                    f"the {name} event's `{_path(where, key)}` is {written}, which is not a JSON number", payload=body
                )
            if isinstance(value, (Mapping, list)):
                stack.append((value, _path(where, key)))


def _wanted(types: Iterable[str]) -> str:
    return " or ".join(_KINDS.get(json_type, json_type) for json_type in types)


def _path(where: str, key: object) -> str:
    """Where a key (or a list's index) is, for a message: `a.b` for a plain key, `a[2]` for an index, `a['odd key']`
    (escaped, cut short) for any other key, so that no body can break the message's line."""
    if isinstance(key, int):
        return f"{where}[{key}]"
    if isinstance(key, str) and _PLAIN_KEY.fullmatch(key):
        return f"{where}.{key}" if where else key
    return f"{where}[{_shown(key)}]"


def _shown(value: object) -> str:
    """A value in a message: its repr (which escapes line breaks and every character that is not printable), cut
    short; a list or an object as `[...]` or `{...}`."""
    if isinstance(value, (list, dict)):
        return "[...]" if isinstance(value, list) else "{...}"
    try:
        text = repr(value)
    except ValueError:  # an int of more digits than Python writes out (in a dict given to parse(): JSON has none)
        return f"an {type(value).__name__} too long to show"
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


def _verify(body: bytes, signature: object, key: bytes) -> None:
    given = _digest(signature, body)
    expected = hmac.new(key, body, hashlib.sha256).digest()
    if not hmac.compare_digest(expected, given):
        raise WebhookVerificationError(
            f"the {SIGNATURE_HEADER} signature does not match the body: the body was changed, or signed with another"
            " secret",
            payload=body,
        )


def _key(secret: object) -> bytes:
    """The secret as the HMAC key; checked at run time, as callers pass what their configuration holds."""
    if not isinstance(secret, str):
        raise InvalidInputError(
            f"secret must be the webhook's signing secret as a str, not {type(secret).__name__}",
            argument="secret",
            problem=InvalidInputError.MISSING if secret is None else None,
        )
    if not secret:
        raise InvalidInputError(
            "secret is empty: pass the webhook's signing secret (shown once when the webhook is created)",
            argument="secret",
            problem=InvalidInputError.MISSING,
        )
    return secret.encode("utf-8")


def _body(payload: object) -> bytes:
    if isinstance(payload, bytes):
        return payload
    if isinstance(payload, str):
        try:
            return payload.encode("utf-8", "surrogateescape")  # gives back bytes decoded with surrogateescape
        except UnicodeEncodeError:
            raise WebhookVerificationError(
                "the payload is text that no UTF-8 body decodes to: pass the request body's bytes"
            ) from None
    raise InvalidInputError(
        f"payload must be the raw request body (bytes or str), not {type(payload).__name__}: the signature is over"
        " the exact bytes received",
        argument="payload",
    )


def _digest(signature: object, body: bytes) -> bytes:
    """The digest a signature header states; `WebhookVerificationError` when there is none to compare."""
    if isinstance(signature, bytes):
        signature = _text(signature)
    if not isinstance(signature, str) or not signature.strip():
        raise WebhookVerificationError(f"no {SIGNATURE_HEADER} signature to verify", payload=body)
    found = _SIGNATURE.fullmatch(signature.strip())
    if found is None:
        raise WebhookVerificationError(
            f"the {SIGNATURE_HEADER} signature is not a hex HMAC-SHA256 ({2 * _DIGEST_SIZE} hex digits)", payload=body
        )
    return bytes.fromhex(found.group(1))


def _header(headers: object) -> str | None:
    """The signature header's value (the first, if there are several), or None when there is none. Each name is
    looked at, whatever its case, so that every shape of `Headers` is read the same way; the headers' shape is checked
    whole, as a mistake of the caller's is reported whatever the delivery."""
    items = headers.items if isinstance(headers, Mapping) else getattr(headers, "items", None)
    pairs = items() if callable(items) else headers
    if isinstance(pairs, (str, bytes, bytearray)) or not isinstance(pairs, Iterable):
        raise _bad_headers("not None" if headers is None else f"not {type(headers).__name__}")
    found: str | None = None
    for pair in pairs:
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            raise _bad_headers(f"not a {type(headers).__name__} that holds {type(pair).__name__}")
        name, value = pair
        if not isinstance(name, (str, bytes)):
            raise _bad_headers(f"not a {type(headers).__name__} with a name that is {type(name).__name__}")
        if found is not None or value is None or _text(name).lower() != SIGNATURE_HEADER:
            continue
        if not isinstance(value, (str, bytes)):
            raise InvalidInputError(
                f"headers: the {SIGNATURE_HEADER} header must be text or bytes, not {type(value).__name__}",
                argument="headers",
            )
        found = _text(value)
    return found


def _bad_headers(what: str) -> InvalidInputError:
    return InvalidInputError(
        "headers must be the request's headers: a mapping of names to values, an object with items(), or (name,"
        f" value) pairs, names and values as str or bytes; {what}",
        argument="headers",
    )


def _text(value: str | bytes) -> str:
    """A header name or value as text: bytes are read as Latin-1, as HTTP (and ASGI, and WSGI) read them."""
    return value.decode("latin-1") if isinstance(value, bytes) else value


def _reason(error: BaseException) -> str:
    """An error's message, on one line and short."""
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 200 else text[:199] + "…"


def _json_kind(value: object) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, (int, float)):
        return "a number"
    return f"a {type(value).__name__}, which is no JSON value"  # in a dict given to parse()
