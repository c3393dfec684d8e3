"""Call webhooks: check that a delivery comes from Pilot Status, and read it as a typed event.

    from pilotstatus import webhooks

    def receive(body: bytes, headers: Mapping[str, str]) -> int:  # in any web framework
        try:
            event = webhooks.unwrap(body, headers, secret=os.environ["PILOT_STATUS_WEBHOOK_SECRET"])
        except webhooks.WebhookError:
            return 400  # not signed with the secret, or not an event: refused, and retried by the sender
        if isinstance(event, webhooks.CallWebhookEvent) and event.event == "call.ended":
            print(event.call_id, event.status, event.duration)
        return 200

Pilot Status signs each delivery with the header `x-pilot-status-signature`: the hex HMAC-SHA256 of the raw request
body, keyed with the webhook's signing secret. `verify()` checks it in constant time over the body's bytes exactly as
received, so pass the body before any framework parses it; `unwrap()` verifies, then parses (as stripe-python's
`Webhook.construct_event` does). What is accepted beyond the documented form: upper-case hex digits and a `sha256=`
prefix (neither is documented, and neither weakens the check). Nothing is documented about a timestamp or a replay
window, so none is checked: a receiver that must refuse a replayed delivery keeps the ids it has seen.

The events (`openapi.json`'s `webhooks` section, whose models are generated into `pilotstatus_api`):

- `call.ringing`, `call.connected`, `call.ended`, `call.missed` come back as a `CallWebhookEvent`;
- `call.permission_updated` as a `CallPermissionWebhookEvent`;
- anything else, an event added later, a native Evolution GO event a web number may get (`{"event": "CallOffer",
  "instance": ..., "data": {...}}`) or Meta's raw `calls` envelope, as an `UnknownWebhookEvent`: never an error,
  since the platform adds events. Fields added later to a known event are kept (`event.raw`, and the model's
  `additional_properties`); a status or direction this SDK does not know is kept as a plain string.

A delivery is refused with a `WebhookError` (a `PilotStatusError`): a `WebhookVerificationError` when its signature is
missing, malformed or wrong, a `WebhookPayloadError` when it is signed but its body is not a JSON object, or is a
documented event without a field its schema requires (`event`, `status`, `timestamp`) or with a `timestamp` that is
not an ISO 8601 date-time with a zone. No message holds the secret or the signature expected. An empty secret, or a
body that is not bytes or text (a parsed dict, say), is a mistake of the caller: `InvalidInputError`, a `ValueError`.

`sign()` makes the header's value, for testing a receiver: `headers={SIGNATURE_HEADER: sign(body, secret)}`.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias, TypeVar, get_args

from pilotstatus_api.models.call_direction import CallDirection
from pilotstatus_api.models.call_event import CallEvent
from pilotstatus_api.models.call_event_name import CallEventName
from pilotstatus_api.models.call_permission_event_status import CallPermissionEventStatus
from pilotstatus_api.models.call_permission_updated_event import CallPermissionUpdatedEvent
from pilotstatus_api.models.call_status import CallStatus

from ._exceptions import InvalidInputError, WebhookError, WebhookPayloadError, WebhookVerificationError

__all__ = [
    "CALL_EVENTS",
    "PERMISSION_EVENT",
    "SIGNATURE_HEADER",
    "CallPermissionWebhookEvent",
    "CallWebhookEvent",
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

# The signature: 64 hex digits, maybe after `sha256=` (GitHub's spelling, which some proxies and tools add).
_SIGNATURE = re.compile(r"(?:sha256=)?([0-9a-f]{64})", re.IGNORECASE)
_DIGEST_SIZE = hashlib.sha256().digest_size


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


@dataclass(frozen=True, eq=True, repr=False)
class UnknownWebhookEvent:
    """A delivery that is no event this SDK knows: one added later, a native Evolution GO event (`CallOffer`...), or
    Meta's raw `calls` envelope. `event` is the body's `event` when it is a string (None for Meta's envelope, which
    has none); `raw` the body as it came."""

    event: str | None
    raw: dict[str, Any]

    def __repr__(self) -> str:
        return f"UnknownWebhookEvent(event={self.event!r}, keys={sorted(self.raw)!r})"


WebhookEvent: TypeAlias = CallWebhookEvent | CallPermissionWebhookEvent | UnknownWebhookEvent
"""What `unwrap()` and `parse()` return."""


def sign(payload: bytes | str, secret: str) -> str:
    """The `x-pilot-status-signature` of `payload` with `secret`: the hex HMAC-SHA256 of the body, as Pilot Status
    sends it. For testing a receiver; a str payload is signed as its UTF-8 bytes."""
    return hmac.new(_key(secret), _body(payload), hashlib.sha256).hexdigest()


def verify(payload: bytes | str, signature: str, secret: str) -> None:
    """Check that `signature` (the `x-pilot-status-signature` header) is the HMAC-SHA256 of `payload` with `secret`,
    in constant time; raise `WebhookVerificationError` if it is not.

    `payload` is the request body exactly as received: its bytes, or the text they decode to in UTF-8 (anything that
    re-serializes a parsed body changes the bytes, and the check fails). Raises `InvalidInputError` for an empty
    secret or a payload that is neither bytes nor text.
    """
    key, body = _key(secret), _body(payload)
    _verify(body, signature, key)


def unwrap(payload: bytes | str, headers: Mapping[str, str], secret: str) -> WebhookEvent:
    """Verify a delivery with its `headers` (the `x-pilot-status-signature` header is found whatever its case), then
    read it as an event: `CallWebhookEvent`, `CallPermissionWebhookEvent`, or `UnknownWebhookEvent` for any other.

    Raises `WebhookVerificationError` (no header, or a signature that does not verify) before reading anything, and
    `WebhookPayloadError` for a signed body that is not an event (see the module's docstring).
    """
    key, body = _key(secret), _body(payload)  # the caller's mistakes first, even when the header is missing too
    _verify(body, _header(headers, body), key)
    return parse(body)


def parse(payload: bytes | str | Mapping[str, Any]) -> WebhookEvent:
    """Read a delivery's body as an event, without verifying it: for a body already verified, or an event as the
    sandbox's `/_sandbox/events` lists it (a dict). Raises `WebhookPayloadError` for a body that is not an event."""
    if isinstance(payload, Mapping):
        return _event(dict(payload), b"")
    body = _body(payload)
    try:
        decoded = json.loads(body)
    except (ValueError, RecursionError) as error:  # RecursionError: nested deeper than the parser goes
        raise WebhookPayloadError(f"the webhook's body is not JSON ({_reason(error)})", payload=body) from None
    if not isinstance(decoded, dict):
        raise WebhookPayloadError(
            f"the webhook's body is JSON but not an object (it is {_json_kind(decoded)})", payload=body
        )
    return _event(decoded, body)


def _event(raw: dict[str, Any], body: bytes) -> WebhookEvent:
    name = raw.get("event")
    if not isinstance(name, str):  # Meta's raw envelope has none; and a list is not even hashable
        return UnknownWebhookEvent(None, raw)
    if name in CALL_EVENTS:
        call = _model(CallEvent, raw, body)
        return CallWebhookEvent(call, raw)
    if name == PERMISSION_EVENT:
        permission = _model(CallPermissionUpdatedEvent, raw, body)
        return CallPermissionWebhookEvent(permission, raw)
    return UnknownWebhookEvent(name, raw)


_Model = TypeVar("_Model", CallEvent, CallPermissionUpdatedEvent)


def _model(model: type[_Model], raw: dict[str, Any], body: bytes) -> _Model:
    """`raw` parsed by a generated event model, its `timestamp` checked first: ISO 8601, with a zone."""
    name = raw["event"]
    if "timestamp" in raw:
        _check_timestamp(name, raw["timestamp"], body)
    try:
        return model.from_dict(raw)
    except KeyError as missing:  # the generated from_dict() pops each required key
        raise WebhookPayloadError(f"the {name} event has no `{missing.args[0]}`", payload=body) from None
    except (ValueError, TypeError) as error:  # a field a later version of the spec converts
        raise WebhookPayloadError(f"the {name} event cannot be read: {_reason(error)}", payload=body) from None


def _check_timestamp(name: str, value: object, body: bytes) -> None:
    if not isinstance(value, str):
        raise WebhookPayloadError(
            f"the {name} event's timestamp is {_json_kind(value)}, not an ISO 8601 date-time", payload=body
        )
    try:
        stamp = datetime.datetime.fromisoformat(value)
    except ValueError:
        raise WebhookPayloadError(
            f"the {name} event's timestamp {value!r} is not an ISO 8601 date-time", payload=body
        ) from None
    if stamp.tzinfo is None or stamp.utcoffset() is None:
        raise WebhookPayloadError(f"the {name} event's timestamp {value!r} has no time zone", payload=body)


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
    if not isinstance(signature, str) or not signature.strip():
        raise WebhookVerificationError(f"no {SIGNATURE_HEADER} signature to verify", payload=body)
    found = _SIGNATURE.fullmatch(signature.strip())
    if found is None:
        raise WebhookVerificationError(
            f"the {SIGNATURE_HEADER} signature is not a hex HMAC-SHA256 ({2 * _DIGEST_SIZE} hex digits)", payload=body
        )
    return bytes.fromhex(found.group(1))


def _header(headers: Mapping[str, str], body: bytes) -> object:
    """The signature header's value: a case-insensitive mapping (httpx, Starlette, Django) finds it at once, a plain
    dict by a look at each name."""
    value = headers.get(SIGNATURE_HEADER)
    if value is None:
        value = next(
            (found for name, found in headers.items() if isinstance(name, str) and name.lower() == SIGNATURE_HEADER),
            None,
        )
    if value is None:
        raise WebhookVerificationError(f"no {SIGNATURE_HEADER} header: the delivery is not signed", payload=body)
    return value


def _reason(error: BaseException) -> str:
    """An error's message, on one line and short."""
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 200 else text[:199] + "…"


def _json_kind(value: object) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    return "a number"
