"""The payload of a `message.*` webhook, as the sandbox emits it: `message_event(name, number, fields, at_ms=...)`.

A message event is the envelope `{"event": name, "data": {...}}` (unlike a call event, which is flat), its `data` in
the spec's schema of that event (`openapi.json`, `webhooks`): camelCase keys, phones in E.164 with `+`, `createdAt`
the instant of the event as the API writes instants. The payload is handed to `Backend.emit`, as a call event is, and
the `WebhookSender` signs and delivers it (`_webhooks`); nothing here needs the web server.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, Protocol

from ._instants import format_ms

if TYPE_CHECKING:
    from ._backend import Event

__all__ = ["INBOUND_EVENTS", "MESSAGE_EVENTS", "OUTBOUND_EVENTS", "message_event"]

OUTBOUND_EVENTS: Final = ("message.sent", "message.delivered", "message.read", "message.failed")
"""The events of a message the number sent: `to` is the user, `from` the number."""
INBOUND_EVENTS: Final = ("message.received", "message.reply", "message.group", "message.newsletter")
"""The events of a message a user wrote: `from` is the user, `to` the number."""
MESSAGE_EVENTS: Final = OUTBOUND_EVENTS + INBOUND_EVENTS

# The keys of `data` that the spec lets be null; any other key given as None is left out (absent, as the spec has it).
_NULLABLE: Final = frozenset({"messageId", "participantName", "quotedMessageId", "groupName", "newsletterName"})
_PHONES: Final = ("from", "to")
# The order the official SDK declares the common keys in, for a payload that reads as the documentation's do.
_FIRST: Final = ("numberId", "messageId", "id", "type", "fromMe", "createdAt", "from", "to")


class _Number(Protocol):
    """What an event needs of the sandbox number it is emitted for (`_backend.Number`, or its `NumberSpec`)."""

    @property
    def number_id(self) -> str: ...

    @property
    def phone(self) -> str: ...


def message_event(name: str, number: _Number, fields: Mapping[str, Any], *, at_ms: int) -> Event:
    """The payload of the `name` webhook of a message of `number`, at `at_ms` on the sandbox's clock.

    `fields` are the message's keys of `data` as the spec names them: `id` (required: the message's id, the one the
    send answered), `messageId` (the provider's id; null when absent, as before the provider took it), and any of
    `type`, `content`, `correlationId`, `media...`, and the event's own (`error` and `errorCode` on message.failed,
    `participantName`, `contentReplied`, `quotedMessageId`, `groupId`, `groupName`, `newsletterId`, `newsletterName`).
    The user's phone is `to` on the events of a message the number sent and `from` on those of a message a user wrote;
    the number's own phone fills the other side, and `fromMe` says which it is, unless `fields` give them. A phone may
    be given as digits (as the sandbox keeps them): it is written in E.164, with `+`. A key given as None is left out,
    unless the spec lets it be null. Raises ValueError for a name that is no message event, or fields without `id`
    (a mistake of the sandbox's, not of a request's).
    """
    if name not in MESSAGE_EVENTS:
        raise ValueError(f"{name!r} is not a message event: one of {', '.join(MESSAGE_EVENTS)}")
    if not isinstance(fields.get("id"), str):
        raise ValueError(f"the {name} event of a message needs its `id`")
    outbound = name in OUTBOUND_EVENTS
    own = _e164(number.phone)
    data: dict[str, Any] = {
        "numberId": number.number_id,
        "messageId": None,
        "fromMe": outbound,
        "createdAt": format_ms(at_ms),
        "from" if outbound else "to": own,
    }
    for key, value in fields.items():
        if value is None and key not in _NULLABLE:
            data.pop(key, None)
        else:
            data[key] = _e164(value) if key in _PHONES and isinstance(value, str) else value
    ordered = {key: data.pop(key) for key in _FIRST if key in data}
    return {"event": name, "data": {**ordered, **data}}


def _e164(phone: str) -> str:
    """A phone in E.164 with its `+`: the sandbox keeps digits, the message events write `+` and the digits. Anything
    else (the group or channel a message was sent to) is written as it is."""
    return "+" + phone if phone.isascii() and phone.isdigit() else phone
