"""Sending messages, the write side of the Messages area: the send's checks and its 202, the lifecycle that moves a
sent message on the sandbox's clock with its signed `message.*` webhooks, cancel, and retrieve. The records are the
store's (`models.Messages`); the handlers (`responses`) only read the request and call these.

Sandbox behaviour, not documented upstream (the README's "Messages in the sandbox" repeats it):
- timings, from the moment a message goes out (the send's answer, or its `deliverAt`): SENT 200 ms later
  (`message.sent`), DELIVERED 1 s after it went out (`message.delivered`), READ 3 s after (`message.read`);
- a `deliverAt` in the future keeps the message QUEUED until then; only a QUEUED message can be canceled;
- magic destinations, by the last four digits of `destinationNumber`: `0004` is not on WhatsApp (FAILED with
  `WHATSAPP_NOT_EXIST` where it would have been SENT, `message.failed`), `0005` is DELIVERED and never READ, `0006`
  has its phone off (SENT, never DELIVERED, so never READ); any other is READ;
- `deliverUntil`: a message SENT whose delivery is not confirmed before it (DELIVERED strictly earlier) becomes
  FAILED with `DELIVERED_NOT_CONFIRMED` at that instant (`message.failed`), as the Log Error Codes say; one still
  QUEUED then (held by its `deliverAt`, or not yet SENT) becomes FAILED with `EXPIRED_AFTER_ATTEMPTS`, the nearest
  code (inferred: the sources name no code for a message that never went out before its `deliverUntil`). A
  `deliverUntil` in the past, or at or before `deliverAt`, is accepted (202), as a `deliverAt` in the past is: the
  message is FAILED with `EXPIRED_AFTER_ATTEMPTS` at its `deliverUntil` (at once when that is past), never sent
  (inferred: the sources state no refusal);
- Meta's 24-hour window: on a Meta number a free-form message (not a template) goes out only to a user who wrote to
  the number in the last 24 hours (a message received: the user-writes helper), else it is FAILED with
  `META_OUTSIDE_24H_WINDOW` (`FLOW_WINDOW_CLOSED` for a flow) where it would have been SENT: a 202 first, as the
  sources say. The magic destinations `0001` to `0006` count as users who wrote a moment ago: their window is
  always open. A template send ignores the window;
- the HTTP refusals of a send (400): not exactly one destination, no content, or contents the sources say exclude
  each other (a validation error: `templateId` and `text`; `list`, `carousel` and `flow` with each other and with
  `templateId`, `buttons`, `header` and direct `media`); `groupId` or `newsletterId` on a Meta number
  (NOT_SUPPORTED_FOR_META); a template the number cannot send (META_TEMPLATE_NOT_APPROVED for one of a Meta number
  that Meta has not approved, TEMPLATE_VERSION_NOT_FOUND for one the number lacks), or one whose variables are not
  all given (MISSING_TEMPLATE_VARIABLES);
- the number's standing, which the helper `POST /_sandbox/number/state` sets (a number starts in good standing):
  a blocked number (an unpaid extra-number charge) refuses every send, 409 NUMBER_BLOCKED with `reason`
  `extra_charge_unpaid`; without the media subscription, a send carrying media (`media`, or a `header` of type
  image, video or document) is 402 SUBSCRIPTION_REQUIRED_FOR_MEDIA. Both come first in the send, before its own
  checks (inferred: a number that may send nothing, or no media, is refused whatever the rest of the body); after
  the request pipeline's (the key, its scope, the idempotency key's form, the body's validation, the provider, the
  connection, and a replay of an answer stored for the idempotency key before the number was blocked). Neither is
  a 2xx, so neither is remembered for an idempotency key: once the number is unblocked, the same key and body send;
- retrieve finds a sent message by its id, correlation id or provider id; a received message has no send request,
  so it is 404 MESSAGE_NOT_FOUND there, as upstream says of the rows without one.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from pilotstatus_sandbox._errors import ApiError
from pilotstatus_sandbox._instants import format_ms, parse_before_ms
from pilotstatus_sandbox._message_events import message_event

from .inbox import read_conversation
from .models import FINAL_STATUSES, Message, MessageMedia, provider_kind

if TYPE_CHECKING:
    from pilotstatus_sandbox._backend import Backend, Number

__all__ = ["cancel", "details", "retrieve", "send"]

_SENT_MS, _DELIVERED_MS, _READ_MS = 200, 1_000, 3_000
"""When a message that went out at t becomes SENT, DELIVERED and READ: t plus these."""
_WINDOW_MS = 24 * 3600 * 1000

_NOT_ON_WHATSAPP, _NEVER_READS, _PHONE_OFF = "0004", "0005", "0006"
"""Magic destinations, by their last four digits: what the user's phone does with a message."""
_WROTE_RECENTLY = ("0001", "0002", "0003", "0004", "0005", "0006")
"""Magic destinations whose 24-hour window is always open on a Meta number (users who wrote a moment ago)."""

_MEDIA_PROVIDERS = {"META": "META", "EVO_GO": "EVO_GO", "EVOLUTION_V2": "EVO"}
"""A media's `provider`, by the kind of number that holds it."""
_DESTINATIONS = ("destinationNumber", "groupId", "newsletterId")
_CONTENTS = ("text", "templateId", "media", "list", "carousel", "flow")
_INTERACTIVE = ("list", "carousel", "flow")
_MEDIA_HEADERS = ("image", "video", "document")
"""The `header` types that carry media (the other, `text`, needs no media subscription)."""


def _validation(message: str) -> ApiError:
    return ApiError(400, f"Validation error: {message}")


def _digits(phone: str) -> str:
    return phone.strip().removeprefix("+")


def _instant(ms: int | None) -> str | None:
    return None if ms is None else format_ms(ms)


# -- the API's operations ------------------------------------------------------------------------------------------


def send(backend: Backend, number: Number, body: Mapping[str, Any]) -> dict[str, Any]:
    """`POST /v1/messages/send`: the message kept QUEUED, its lifecycle scheduled; the 202's `SendMessageAccepted`."""
    with backend.locked() as now:
        _check_standing(number, body)
        destinations = [name for name in _DESTINATIONS if body.get(name) is not None]
        if len(destinations) != 1:
            given = ", ".join(destinations) or "none"
            raise _validation(f"exactly one of destinationNumber, groupId or newsletterId is required (given: {given})")
        if number.provider == "META" and destinations[0] != "destinationNumber":
            raise ApiError(
                400,
                f"{destinations[0]} is not supported on a Meta Cloud API number: send to a destinationNumber",
                "NOT_SUPPORTED_FOR_META",
            )
        if not any(body.get(name) is not None for name in _CONTENTS):
            raise _validation("one of text, templateId, media, list, carousel or flow is required")
        _check_exclusions(body)
        template_ref = body.get("templateId")
        variables = {str(name): str(value) for name, value in (body.get("variables") or {}).items()}
        template = (None, None) if template_ref is None else _template(number, template_ref, variables)
        message = _new_message(number, body, now, *template)
        number.messages.add(message)
        if body.get("markRead") is not False:  # writing to a conversation reads it (`inbox.read_conversation`)
            read_conversation(backend, number, message.conversation_id, now)
        goes_out = now if message.deliver_at_ms is None else max(now, message.deliver_at_ms)
        backend.schedule(goes_out, lambda at: _go_out(backend, number, message, at))
        if message.deliver_until_ms is not None:
            # Scheduled after the message goes out and before its SENT and DELIVERED are (`_go_out` schedules them):
            # at a tie the expiry comes first, so only a delivery strictly before `deliverUntil` is confirmed.
            backend.schedule(max(now, message.deliver_until_ms), lambda at: _expire(backend, number, message, at))
        accepted: dict[str, Any] = {
            "id": message.id,
            "correlationId": message.correlation_id,
            "status": message.status,
            "createdAt": format_ms(message.created_ms),
            "origin": message.origin,
            "sourceNumber": "+" + number.phone,
        }
        if message.flow_token is not None:
            accepted["flowToken"] = message.flow_token
        return accepted


def retrieve(backend: Backend, number: Number, ref: str) -> dict[str, Any]:
    """`GET /v1/messages/{id}`: the sent message whose id, correlation id or provider id is `ref`, or 404."""
    with backend.locked():
        message = number.messages.find(ref)
        if message is None or message.direction != "OUTBOUND":
            raise ApiError(
                404, f"Message not found: {ref[:80]!r} is not a message sent by this number", "MESSAGE_NOT_FOUND"
            )
        return details(message, number)


def cancel(backend: Backend, number: Number, message_ids: Sequence[str] | str) -> dict[str, Any]:
    """`DELETE /v1/messages/cancel`: each QUEUED message CANCELED. A list of ids (the official SDK's) gets
    `{cancelled: [ids], failed: [{id, reason}]}`; a string (the documentation's block: a JSON array in a string, or
    one id) gets the block's counts, `{cancelled, notFound}` (a message found but not QUEUED is in neither)."""
    with backend.locked() as now:
        ids = _ids(message_ids)
        cancelled: list[str] = []
        failed: list[dict[str, str]] = []
        not_found = 0
        for ref in ids:
            message = number.messages.find(ref)
            if message is None or message.direction != "OUTBOUND":
                not_found += 1
                failed.append({"id": ref, "reason": "MESSAGE_NOT_FOUND: not a message sent by this number"})
            elif message.status != "QUEUED":
                failed.append({"id": ref, "reason": f"{message.status}: only a QUEUED message can be canceled"})
            else:
                message.status, message.canceled_ms = "CANCELED", now
                number.messages.changed(message)
                cancelled.append(ref)
        if isinstance(message_ids, str):
            return {"cancelled": len(cancelled), "notFound": not_found}
        return {"cancelled": cancelled, "failed": failed}


def details(message: Message, number: Number) -> dict[str, Any]:
    """A sent message as `GET /v1/messages/{id}` shows it (`MessageDetails`)."""
    destination = message.group_id or message.newsletter_id or ("+" + (message.peer_phone or ""))
    shown: dict[str, Any] = {
        "id": message.id,
        "externalMessageId": message.external_id,
        "status": message.status,
        "correlationId": message.correlation_id,
        "destinationNumber": destination,
        "createdAt": format_ms(message.created_ms),
        "sentAt": _instant(message.sent_ms),
        "deliveredAt": _instant(message.delivered_ms),
        "readAt": _instant(message.read_ms),
        "errorCode": message.error_code,
        "errorMessage": message.error_message,
        "origin": message.origin,
        "metaPricing": message.meta_pricing,
    }
    if message.template is not None:
        shown["template"] = message.template
    return shown


# -- making a message ----------------------------------------------------------------------------------------------


def _new_message(
    number: Number, body: Mapping[str, Any], now: int, template_text: str | None, template_category: str | None
) -> Message:
    messages = number.messages
    group_id, newsletter_id = body.get("groupId"), body.get("newsletterId")
    peer = None if body.get("destinationNumber") is None else _digits(body["destinationNumber"])
    conversation_key = group_id or newsletter_id or peer
    assert conversation_key is not None, "a send has one destination"
    media = None
    if body.get("media") is not None:
        media_type = body.get("mediaType") or "image"
        media = MessageMedia(
            provider=_MEDIA_PROVIDERS[number.provider],
            url=body["media"],
            media_type=media_type,
        )
    if body.get("templateId") is not None:
        message_type = "template"
    elif any(body.get(name) is not None for name in _INTERACTIVE) or body.get("buttons"):
        message_type = "interactive"
    elif media is not None:
        message_type = media.media_type or "image"
    else:
        message_type = "text"
    return Message(
        id=messages.new_id(now),
        direction="OUTBOUND",
        conversation_id=messages.conversation_id(conversation_key),
        conversation_type="GROUP" if group_id else "NEWSLETTER" if newsletter_id else "DIRECT",
        provider_kind=provider_kind(number.provider),
        created_ms=now,
        provider_ms=now,
        status="QUEUED",
        peer_phone=peer,
        group_id=group_id,
        newsletter_id=newsletter_id,
        message_type=message_type,
        text=template_text if body.get("templateId") is not None else body.get("text"),
        media=media,
        origin="API",
        correlation_id=messages.new_uuid(),
        template=body.get("templateId"),
        template_category=template_category,
        variables={str(name): str(value) for name, value in (body.get("variables") or {}).items()},
        deliver_at_ms=_ms(body.get("deliverAt")),
        deliver_until_ms=_ms(body.get("deliverUntil")),
        flow_token=None if body.get("flow") is None else "flowtok_" + messages.new_uuid().replace("-", ""),
        labels=[str(label) for label in body.get("labels") or []],
        request=json.loads(json.dumps(body)),
    )


def _check_standing(number: Number, body: Mapping[str, Any]) -> None:
    """The number's standing: 409 NUMBER_BLOCKED for any send of a blocked number, 402 SUBSCRIPTION_REQUIRED_FOR_MEDIA
    for a send carrying media without the subscription (the spec's examples word both)."""
    if number.blocked is not None:
        raise ApiError(
            409, "Number blocked until its extra-number charge is paid", "NUMBER_BLOCKED", reason=number.blocked
        )
    header = body.get("header")
    media_header = isinstance(header, Mapping) and header.get("type") in _MEDIA_HEADERS
    if not number.media_subscription and (body.get("media") is not None or media_header):
        raise ApiError(402, "Sending media requires an active paid subscription.", "SUBSCRIPTION_REQUIRED_FOR_MEDIA")


def _check_exclusions(body: Mapping[str, Any]) -> None:
    """The exclusions the sources state: a template or free-form text, not both (the block); one interactive message
    at most, and none with a template, buttons, a header or direct media (the official SDK)."""
    if body.get("templateId") is not None and body.get("text") is not None:
        raise _validation("templateId and text exclude each other: a template's text is its own")
    interactive = [name for name in _INTERACTIVE if body.get(name) is not None]
    if len(interactive) > 1:
        raise _validation(f"{' and '.join(interactive)} exclude each other: send one interactive message")
    if interactive:
        clashing = [name for name in ("templateId", "buttons", "header", "media") if body.get(name)]
        if clashing:
            raise _validation(f"{interactive[0]} excludes {', '.join(clashing)}")


def _ms(value: Any) -> int | None:
    if value is None:
        return None
    ms = parse_before_ms(str(value))
    if ms is None:
        raise _validation(f"{str(value)[:40]!r} is not an RFC 3339 date-time")
    return ms


def _ids(message_ids: Sequence[str] | str) -> list[str]:
    """The ids of a cancel: a list as given; a string as the block writes it (a JSON array in a string), or one id."""
    if not isinstance(message_ids, str):
        return list(message_ids)
    try:
        parsed = json.loads(message_ids)
    except ValueError:
        parsed = None
    if isinstance(parsed, list) and all(isinstance(ref, str) for ref in parsed):
        return parsed
    return [message_ids]


def _template(number: Number, ref: str, variables: Mapping[str, str]) -> tuple[str, str]:
    """The text a template send carries (its variables filled in) and the template's category; ApiError 400 for a
    template the number cannot send or a variable not given. The templates are the Templates area's."""
    template = number.templates.sendable(ref)
    if template is None:
        try:
            number.templates.retrieve(ref)
        except ApiError:
            raise ApiError(400, f"Template {ref[:80]!r} not found", "TEMPLATE_VERSION_NOT_FOUND") from None
        raise ApiError(
            400, f"Template {ref[:80]!r} is not approved for Meta Cloud API sends", "META_TEMPLATE_NOT_APPROVED"
        )
    missing = [name for name in template.variables if name not in variables]
    if missing:
        raise ApiError(400, f"Missing template variables: {', '.join(missing)}", "MISSING_TEMPLATE_VARIABLES")
    text = template.body
    for name, value in variables.items():
        text = text.replace("{{" + name + "}}", value)
    return text, template.category


# -- the lifecycle -------------------------------------------------------------------------------------------------


def _go_out(backend: Backend, number: Number, message: Message, at: int) -> None:
    """The moment a QUEUED message goes out (its answer, or its `deliverAt`): what becomes of it is scheduled."""
    if message.status != "QUEUED":
        return  # canceled meanwhile
    failure = _failure(number, message, at)
    if failure is not None:
        backend.schedule(at + _SENT_MS, lambda when: _fail(backend, number, message, when, *failure))
        return
    backend.schedule(at + _SENT_MS, lambda when: _move(backend, number, message, "SENT", when))
    peer = message.peer_phone or ""
    if peer.endswith(_PHONE_OFF):
        return  # the phone never confirms delivery: SENT until its `deliverUntil`, if any
    backend.schedule(at + _DELIVERED_MS, lambda when: _move(backend, number, message, "DELIVERED", when))
    if not peer.endswith(_NEVER_READS):
        backend.schedule(at + _READ_MS, lambda when: _move(backend, number, message, "READ", when))


def _failure(number: Number, message: Message, at: int) -> tuple[str, str] | None:
    """Why a message going out at `at` fails, as (errorCode, errorMessage), or None when it is delivered."""
    peer = message.peer_phone
    if peer is None:
        return None  # a group or newsletter
    if number.provider == "META" and message.template is None and not _window_open(number, peer, at):
        if message.flow_token is not None:
            return "FLOW_WINDOW_CLOSED", "The 24-hour window is closed: a flow needs a user who wrote in 24 hours"
        return (
            "META_OUTSIDE_24H_WINDOW",
            "The 24-hour window is closed: the user has not written in 24 hours; send an approved template",
        )
    if peer.endswith(_NOT_ON_WHATSAPP):
        return "WHATSAPP_NOT_EXIST", "The destination is not registered on WhatsApp"
    return None


def _window_open(number: Number, peer: str, at: int) -> bool:
    if peer.endswith(_WROTE_RECENTLY):
        return True
    last = number.messages.last_inbound_ms(peer)
    return last is not None and last > at - _WINDOW_MS


def _move(backend: Backend, number: Number, message: Message, status: str, at: int) -> None:
    """SENT, DELIVERED or READ, each once and in that order, with its webhook."""
    if message.status in FINAL_STATUSES:
        return
    if status == "SENT":
        message.sent_ms = message.provider_ms = at
        message.external_id = number.messages.new_external_id()
        if number.provider == "META":
            message.meta_pricing = _pricing(number, message)
    elif status == "DELIVERED":
        message.delivered_ms = at
    else:
        message.read_ms = at
    message.status = status
    number.messages.changed(message)
    _emit(backend, number, message, "message." + status.lower(), at)


def _expire(backend: Backend, number: Number, message: Message, at: int) -> None:
    """The message's `deliverUntil` has come: FAILED unless it was delivered (or read, canceled or failed) before."""
    if message.status == "SENT":
        _fail(backend, number, message, at, "DELIVERED_NOT_CONFIRMED", "Delivery was not confirmed before deliverUntil")
    elif message.status == "QUEUED":
        _fail(backend, number, message, at, "EXPIRED_AFTER_ATTEMPTS", "deliverUntil passed before the message was sent")


def _fail(backend: Backend, number: Number, message: Message, at: int, code: str, reason: str) -> None:
    """FAILED with `code` and its `message.failed`, for a message not yet delivered (QUEUED, or SENT when its
    `deliverUntil` passes); any other is left as it is."""
    if message.status not in ("QUEUED", "SENT"):
        return
    message.status, message.failed_ms = "FAILED", at
    message.error_code, message.error_message = code, reason
    number.messages.changed(message)
    _emit(backend, number, message, "message.failed", at)


def _pricing(number: Number, message: Message) -> dict[str, Any]:
    """What Meta reports of a message sent: a service message in the user's window is free, a template is billed."""
    category = (message.template_category or "marketing").lower() if message.template is not None else "service"
    return {
        "conversationId": number.messages.conversation_id("meta-window:" + (message.peer_phone or "")),
        "originType": category,
        "category": category,
        "type": "regular" if message.template is not None else "free_customer_service",
    }


def _emit(backend: Backend, number: Number, message: Message, name: str, at: int) -> None:
    """Emit the `message.*` webhook `name` of a message the number sent, at `at` (`_message_events`)."""
    fields: dict[str, Any] = {
        "id": message.id,
        "messageId": message.external_id,
        "type": message.message_type if message.message_type in _WEBHOOK_TYPES else "text",
        "to": message.group_id or message.newsletter_id or message.peer_phone,
        "correlationId": message.correlation_id,
        "content": message.text,
        "mediaLink": None if message.media is None else message.media.url,
    }
    if name == "message.failed":
        fields["error"] = message.error_message or "Delivery failed"
        fields["errorCode"] = message.error_code
    backend.emit(number, message_event(name, number, fields, at_ms=at))


_WEBHOOK_TYPES = frozenset(
    {"text", "image", "audio", "video", "document", "location", "contacts", "sticker", "reaction"}
)
