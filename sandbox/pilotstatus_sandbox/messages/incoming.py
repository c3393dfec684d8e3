"""A user writes to a number: the test helper `POST /_sandbox/messages/incoming`, the phone's side of messaging.

The message is kept as the number's (INBOUND, DELIVERED: unread until the number writes back, `inbox`), with its
`message.*` webhook: `message.group` in a group, else `message.reply` when it quotes a message the number sent, else
`message.received`. A message from a user (not in a group) opens Meta's 24-hour window for that user: the send reads
it from the store (`Messages.last_inbound_ms`, the user's last message's `createdAt`).

Sandbox behaviour, not documented upstream (the README's "Test helpers" repeats it):
- a message carries text, media, or both (the text is then the caption): neither is 400;
- media is `{mimeType, fileName?, base64}` (the bytes) or `{mimeType, fileName?, size}` (that many bytes made up,
  at most 16 MiB); on a Meta number it gets a Meta media id, which `GET /v1/media/{mediaId}` downloads with the
  number's `phoneNumberId`; on a web number a URL (`https://sandbox.pilotstatus.invalid/media/<message id>`), as
  Evolution's media arrive;
- `replyTo` is the id, correlation id or provider id of a message the number sent to that user (or group) and that
  went out (it has an `externalMessageId`): the reply's `repliedToExternalId` and the webhook's `quotedMessageId`
  are that provider id, `contentReplied` its text. A message that is not one of the number's sent messages is 404
  MESSAGE_NOT_FOUND; one sent elsewhere, or not yet out, is 400;
- `groupId` (`…@g.us`) is for web numbers: on a Meta number 400 NOT_SUPPORTED_FOR_META, as the API's groups are.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pilotstatus_sandbox._errors import ApiError
from pilotstatus_sandbox._message_events import message_event

from .inbox import history_row
from .models import Message, MessageMedia, provider_kind
from .seed import media_kind, media_provider

if TYPE_CHECKING:
    from pilotstatus_sandbox._backend import Backend, Number

__all__ = ["MAX_MEDIA_SIZE", "receive"]

MAX_MEDIA_SIZE = 16 * 1024 * 1024
"""The most bytes a media given by `size` has: WhatsApp's limit for audio and video (16 MB)."""


def _validation(message: str) -> ApiError:
    return ApiError(400, f"Validation error: {message}")


def receive(backend: Backend, number: Number, body: Mapping[str, Any]) -> dict[str, Any]:
    """The user `body["from"]` writes to `number` (the helper's body, validated by its document): the message kept,
    its webhook emitted; the message as history lists it."""
    with backend.locked() as now:
        messages = number.messages
        sender = str(body["from"]).removeprefix("+")
        text = body.get("text")
        given_media = body.get("media")
        group_id = body.get("groupId")
        if text is None and given_media is None:
            raise _validation("a message needs text, media or both")
        if group_id is not None and number.provider == "META":
            raise ApiError(
                400,
                "groupId is not supported on a Meta Cloud API number: groups are for Pilot Status (web) numbers",
                "NOT_SUPPORTED_FOR_META",
            )
        key = group_id or sender
        conversation_id = messages.conversation_id(key)
        quoted = None if body.get("replyTo") is None else _quoted(number, str(body["replyTo"]), conversation_id)
        message = Message(
            id=messages.new_id(now),
            direction="INBOUND",
            conversation_id=conversation_id,
            conversation_type="GROUP" if group_id else "DIRECT",
            provider_kind=provider_kind(number.provider),
            created_ms=now,
            provider_ms=now,
            status="DELIVERED",
            peer_phone=sender,
            participant_name=body.get("participantName"),
            group_id=group_id,
            group_name=body.get("groupName") if group_id else None,
            text=text,
            delivered_ms=now,
            external_id=messages.new_external_id(),
            replied_to_external_id=None if quoted is None else quoted.external_id,
        )
        if given_media is not None:
            message.media = _media(number, given_media, message.id)
            message.message_type = media_kind(given_media["mimeType"])
        messages.add(message)
        name = "message.group" if group_id else "message.reply" if quoted is not None else "message.received"
        _emit(backend, number, message, name, quoted)
        return history_row(message)


def _quoted(number: Number, ref: str, conversation_id: str) -> Message:
    """The sent message a reply quotes: one of the number's, sent to this user or group, and out."""
    quoted = number.messages.find(ref)
    if quoted is None or quoted.direction != "OUTBOUND":
        raise ApiError(
            404, f"Message not found: {ref[:80]!r} is not a message sent by this number", "MESSAGE_NOT_FOUND"
        )
    if quoted.conversation_id != conversation_id:
        raise _validation(f"replyTo: {quoted.id} was not sent to this user or group, who cannot quote it")
    if quoted.external_id is None:
        raise _validation(f"replyTo: {quoted.id} is {quoted.status} and never went out: the user has not received it")
    return quoted


def _media(number: Number, given: Mapping[str, Any], message_id: str) -> MessageMedia:
    """The media of a received message, from the helper's `media`: its bytes given in base64, or made up."""
    if given.get("base64") is not None:
        try:
            content = base64.b64decode(given["base64"], validate=True)
        except (binascii.Error, ValueError):
            raise _validation("media.base64 is not base64") from None
    else:
        size = int(given["size"])
        content = hashlib.shake_256(message_id.encode()).digest(size) if size else b""
    meta = number.provider == "META"
    digest = int.from_bytes(hashlib.blake2b(message_id.encode(), digest_size=8).digest(), "big")
    mime_type = str(given["mimeType"])
    return MessageMedia(
        provider=media_provider(number.provider),
        id=str(10**15 + digest % (9 * 10**15)) if meta else None,
        url=None if meta else f"https://sandbox.pilotstatus.invalid/media/{message_id}",
        mime_type=mime_type,
        file_name=given.get("fileName"),
        media_type=media_kind(mime_type),
        content=content,
    )


def _emit(backend: Backend, number: Number, message: Message, name: str, quoted: Message | None) -> None:
    """Emit the webhook `name` of a message a user wrote (`_message_events`: `from` the user, `to` the number)."""
    media = message.media
    fields: dict[str, Any] = {
        "id": message.id,
        "messageId": message.external_id,
        "type": message.message_type,
        "from": message.peer_phone,
        "content": message.text,
        "participantName": message.participant_name,
    }
    if media is not None:
        fields.update(
            mediaLink=media.url, mediaType=media.mime_type, mediaCaption=message.text, mediaFilename=media.file_name
        )
    if quoted is not None:
        fields.update(quotedMessageId=quoted.external_id, contentReplied=quoted.text)
    if name == "message.group":
        fields.update(groupId=message.group_id, groupName=message.group_name)
    backend.emit(number, message_event(name, number, fields, at_ms=message.created_ms))
