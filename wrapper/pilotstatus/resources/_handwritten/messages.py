"""The hand-written methods of `messages`: `send()` and `cancel()`.

`send()` is the API's first write that honours an `Idempotency-Key`: it is sent with the caller's key or one of the
SDK's own, retried with it (see `pilotstatus._retries`), and returns a `SentMessage`, the generated
`SendMessageAccepted` with two more attributes: whether the answer was a replay, and the key it was sent with. What a
generator cannot give is written here: the combinations the sources say a send may not have, refused before sending
(and only those: every other rule is the server's); the nested arguments taken as generated models or as the API's
JSON objects; the instants taken as aware datetimes or ISO 8601 strings and sent in the API's spelling.

`cancel()` takes a list of ids. The spec also accepts the published block's form, a string, since a server may be
sent one; the SDK sends the official SDK's list, and refuses a string, which would be read as one id, or as JSON.

The generated `Messages` and `AsyncMessages` (`resources/_generated/messages.py`) extend these classes.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any, TypeAlias

import httpx
from attrs import define

from pilotstatus._constants import IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER
from pilotstatus._exceptions import InvalidInputError
from pilotstatus._operations import Operation, RequestSpec
from pilotstatus._resource import AsyncAPIResource, SyncAPIResource, any_of
from pilotstatus._timestamps import format_instant, to_instant
from pilotstatus._validation import check_body_field
from pilotstatus.resources._models import as_model
from pilotstatus_api.api.messages import delete_messages_cancel, post_messages_send
from pilotstatus_api.models.button import Button
from pilotstatus_api.models.cancel_messages_counts import CancelMessagesCounts
from pilotstatus_api.models.cancel_messages_request import CancelMessagesRequest
from pilotstatus_api.models.cancel_messages_result import CancelMessagesResult
from pilotstatus_api.models.carousel import Carousel
from pilotstatus_api.models.flow import Flow
from pilotstatus_api.models.interactive_list import InteractiveList
from pilotstatus_api.models.marketing_options import MarketingOptions
from pilotstatus_api.models.message_header import MessageHeader
from pilotstatus_api.models.message_media_type import MessageMediaType
from pilotstatus_api.models.send_message_accepted import SendMessageAccepted
from pilotstatus_api.models.send_message_request import SendMessageRequest
from pilotstatus_api.models.send_message_request_variables import SendMessageRequestVariables

__all__ = [
    "CANCEL",
    "DESTINATIONS",
    "EXCLUDED_BY_INTERACTIVE",
    "INTERACTIVE",
    "MAX_CANCEL_IDS",
    "SEND",
    "AsyncMessagesMixin",
    "Instant",
    "MessagesMixin",
    "SentMessage",
]


@define
class SentMessage(SendMessageAccepted):
    """What `messages.send()` returns: the API's answer (`SendMessageAccepted`: the message is queued, its `id` and
    `correlation_id`), and how the send went."""

    replayed: bool = False
    """True when the server had this request already (the same `Idempotency-Key` and body, within 24 hours) and
    answered with the first one's stored answer (`Idempotent-Replayed: true`): no second message was sent. A retry
    of the SDK after a lost answer gets such a replay, as does a send repeated by hand with the same key."""
    idempotency_key: str | None = None
    """The `Idempotency-Key` the send went with: the caller's `idempotency_key`, or the UUID4 the SDK made. The same
    arguments sent again with it can only get this answer again, never a second message. (None only for a model made
    otherwise than by `send()`.)"""


SEND = Operation(post_messages_send, SentMessage.from_dict)
CANCEL = Operation(delete_messages_cancel, any_of(CancelMessagesResult.from_dict, CancelMessagesCounts.from_dict))

DESTINATIONS = ("destination_number", "group_id", "newsletter_id")
"""Where a send goes: exactly one of them (the block of Send message, and the official SDK's types)."""
INTERACTIVE = ("list", "carousel", "flow")
"""The interactive messages: one at most (a comment of the official SDK)."""
EXCLUDED_BY_INTERACTIVE = ("template_id", "buttons", "header", "media")
"""What an interactive message excludes (the same comment)."""
MAX_CANCEL_IDS = 100

Instant: TypeAlias = datetime.datetime | str
"""`deliver_at`, `deliver_until`: an aware datetime, or an ISO 8601 string with a zone."""


def _given(**arguments: object) -> list[str]:
    return [name for name, value in arguments.items() if value is not None]


def _words(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _check_combination(arguments: Mapping[str, object]) -> None:
    """Refuse, before sending, what the sources say a send may not combine: not exactly one destination; more than
    one of `list`, `carousel` and `flow`; one of them with `template_id`, `buttons`, `header` or `media`. Nothing
    else: that a text or a template is given, what a template needs, what a Meta number refuses, is the server's to
    say."""
    destinations = _given(**{name: arguments[name] for name in DESTINATIONS})
    if len(destinations) != 1:
        got = f"got {_words(destinations)}" if destinations else "got none"
        raise InvalidInputError(
            f"messages.send() takes exactly one destination, destination_number=, group_id= or newsletter_id= ({got}).",
            argument=destinations[-1] if destinations else DESTINATIONS[0],  # none: the one most sends take
        )
    interactive = _given(**{name: arguments[name] for name in INTERACTIVE})
    if len(interactive) > 1:
        raise InvalidInputError(
            f"{_words(interactive)} exclude each other: a send is one interactive message, list=, carousel= or flow=.",
            argument=interactive[-1],
        )
    if interactive:
        excluded = _given(**{name: arguments[name] for name in EXCLUDED_BY_INTERACTIVE})
        if excluded:
            raise InvalidInputError(
                f"{interactive[0]} excludes {_words(excluded)}: an interactive message is sent without template_id,"
                " buttons, header or media.",
                argument=excluded[0],
            )


def _json_checked(value: Any, field: str) -> Any:
    """An argument that may be the API's JSON object, checked as such against the spec when it is one, so that a
    failure names the field inside it (`list.sections[0].rows`) before it is parsed into its model."""
    if isinstance(value, Mapping):
        check_body_field(SEND.name, field, value)
    return value


def _sequence(value: Any, name: str) -> list[Any] | None:
    """A list argument (`buttons`, `labels`) as a list; a string, a mapping or a non-sequence is refused."""
    if value is None:
        return None
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Sequence):
        raise InvalidInputError(f"{name} must be a list, not {type(value).__name__}.", argument=name)
    return [*value]


def _buttons(value: Any) -> list[Button] | None:
    items = _sequence(value, "buttons")
    if items is None:
        return None
    check_body_field(SEND.name, "buttons", [item.to_dict() if isinstance(item, Button) else item for item in items])
    buttons: list[Button] = []
    for index, item in enumerate(items):
        button = as_model(Button, item, f"buttons[{index}]")
        assert button is not None  # an item of None is refused by the check above
        buttons.append(button)
    return buttons


def _send_body(arguments: Mapping[str, Any]) -> tuple[SendMessageRequest, dict[str, str]]:
    """The body of a send with these arguments (by name), checked for what it may not combine, and its instants in
    the API's spelling."""
    _check_combination(arguments)
    instants = {
        field: format_instant(to_instant(arguments[name], name), exact=True)
        for name, field in (("deliver_at", "deliverAt"), ("deliver_until", "deliverUntil"))
        if arguments[name] is not None
    }
    body = SendMessageRequest(
        destination_number=arguments["destination_number"],
        group_id=arguments["group_id"],
        newsletter_id=arguments["newsletter_id"],
        text=arguments["text"],
        template_id=arguments["template_id"],
        variables=as_model(
            SendMessageRequestVariables, _json_checked(arguments["variables"], "variables"), "variables"
        ),
        media=arguments["media"],
        media_type=arguments["media_type"],
        list_=as_model(InteractiveList, _json_checked(arguments["list"], "list"), "list"),
        carousel=as_model(Carousel, _json_checked(arguments["carousel"], "carousel"), "carousel"),
        flow=as_model(Flow, _json_checked(arguments["flow"], "flow"), "flow"),
        buttons=_buttons(arguments["buttons"]),
        header=as_model(MessageHeader, _json_checked(arguments["header"], "header"), "header"),
        footer=arguments["footer"],
        labels=_sequence(arguments["labels"], "labels"),
        marketing_options=as_model(
            MarketingOptions, _json_checked(arguments["marketing_options"], "marketingOptions"), "marketing_options"
        ),
        mark_read=arguments["mark_read"],
    )
    return body, instants


def _with_instants(spec: RequestSpec, instants: dict[str, str]) -> RequestSpec:
    """The prepared request with the instants in the API's spelling (`2026-07-03T15:00:00.000Z`), where the model
    would write Python's `isoformat()`."""
    if instants:
        spec["json"] = {**spec["json"], **instants}
    return spec


def _sent_message(response: httpx.Response) -> SentMessage:
    """The `SentMessage` of a 2xx answer to a send: its body, whether it is a replay, the key it was sent with."""
    message = SentMessage.from_dict(response.json())
    message.replayed = response.headers.get(IDEMPOTENT_REPLAYED_HEADER, "").strip().lower() == "true"
    message.idempotency_key = response.request.headers.get(IDEMPOTENCY_KEY_HEADER)
    return message


def _cancel_body(message_ids: Any) -> CancelMessagesRequest:
    """The body of a cancel: a list of 1 to 100 ids, each a non-empty string."""
    if isinstance(message_ids, str) or not isinstance(message_ids, Sequence):
        hint = " (one id is ['msg_...'])" if isinstance(message_ids, str) else ""
        raise InvalidInputError(
            f"message_ids must be a list of message ids, not {type(message_ids).__name__}{hint}.",
            argument="message_ids",
        )
    if not 1 <= len(message_ids) <= MAX_CANCEL_IDS:
        raise InvalidInputError(
            f"message_ids must hold 1 to {MAX_CANCEL_IDS} ids, not {len(message_ids)}.", argument="message_ids"
        )
    for index, message_id in enumerate(message_ids):
        if not isinstance(message_id, str) or not message_id:
            problem = "must not be empty" if isinstance(message_id, str) else f"is a {type(message_id).__name__}"
            raise InvalidInputError(
                f"message_ids[{index}] {problem}: each id is a string (msg_...).", argument="message_ids"
            )
    return CancelMessagesRequest(message_ids=list(message_ids))


class MessagesMixin(SyncAPIResource):
    """`messages.send()` and `messages.cancel()`, of `Messages`."""

    def send(
        self,
        *,
        destination_number: str | None = None,
        group_id: str | None = None,
        newsletter_id: str | None = None,
        text: str | None = None,
        template_id: str | None = None,
        variables: SendMessageRequestVariables | Mapping[str, str] | None = None,
        media: str | None = None,
        media_type: MessageMediaType | None = None,
        list: InteractiveList | Mapping[str, Any] | None = None,
        carousel: Carousel | Mapping[str, Any] | None = None,
        flow: Flow | Mapping[str, Any] | None = None,
        buttons: Sequence[Button | Mapping[str, Any]] | None = None,
        header: MessageHeader | Mapping[str, Any] | None = None,
        footer: str | None = None,
        labels: Sequence[str] | None = None,
        deliver_at: Instant | None = None,
        deliver_until: Instant | None = None,
        marketing_options: MarketingOptions | Mapping[str, Any] | None = None,
        mark_read: bool | None = None,
        idempotency_key: str | None = None,
    ) -> SentMessage:
        """Send a message from the key's number: it is queued (202), then SENT, DELIVERED and READ, or FAILED with an
        `error_code` (`messages.retrieve()`, and the `message.*` webhooks).

        Args:
            destination_number: the user's phone number (E.164). Exactly one destination: this, `group_id` or
                `newsletter_id` (a group or a newsletter is refused to a Meta number).
            group_id: a group (`...@g.us`).
            newsletter_id: a newsletter (`...@newsletter`).
            text: a free-form message; the body of a `list`.
            template_id: a template, by id or name, with its `variables` (`{"name": "Ana"}`).
            variables: the template's variables by name, a dict of strings.
            media: media sent directly, a URL or a data URI, with its `media_type` (`image`, `video`, ...).
            media_type: what `media` is.
            list: an interactive list (`InteractiveList` or its JSON: `{"buttonText": ..., "sections": [...]}`).
            carousel: a media carousel (`Carousel` or its JSON).
            flow: a WhatsApp Flow (`Flow` or its JSON).
            buttons: up to 3 buttons (`Button`s or their JSON: `{"type": "reply", "label": "Yes"}`).
            header: the header of a free-form message (`MessageHeader` or `{"type": "text", "content": ...}`).
            footer: the footer of a free-form message.
            labels: labels kept with the message.
            deliver_at: schedule it: an aware datetime or an ISO 8601 string with a zone. Until then it is QUEUED,
                and `cancel()` can cancel it.
            deliver_until: the latest instant to deliver it, likewise.
            marketing_options: `MarketingOptions` or its JSON (`{"aiRewriteEnabled": True}`).
            mark_read: Meta numbers: False sends no typing indicator and no read receipt.
            idempotency_key: your own key for this send (1 to 255 printable ASCII characters); default: a new UUID4.
                Sending the same arguments again with it can only get the first answer again (`replayed`), never a
                second message; other arguments with it raise `IdempotencyKeyReusedError`.

        `list`, `carousel` and `flow` exclude each other, and each excludes `template_id`, `buttons`, `header` and
        `media`: such a send, or one with no destination or two, raises `InvalidInputError` before anything is sent.

        Safe to retry: the send goes with its `Idempotency-Key`, the same on each retry, so it is retried after a
        timeout, a broken connection or a 5xx, and after a 409 `IDEMPOTENCY_KEY_IN_USE` (`Retry-After`, or the
        backoff), within `max_retries`; the server acts on the key once. An error raised carries the key
        (`error.idempotency_key`): the same send with it, later, is still sent at most once.
        """
        body, instants = _send_body(locals())  # the arguments, by name
        spec = self._client._prepare(SEND, body=body, idempotency_key=idempotency_key)
        return self._client._request(_with_instants(spec, instants), _sent_message)

    def cancel(self, *, message_ids: Sequence[str]) -> CancelMessagesResult | CancelMessagesCounts:
        """Cancel scheduled messages (QUEUED for a `deliver_at` to come): a list of 1 to 100 ids (msg_...).

        Returns the ids cancelled and those that were not, each with its reason (`CancelMessagesResult`); a server
        that answers the published block's counts instead gives `CancelMessagesCounts`.

        Sent once: not sent again once it may have reached the server (only after a 429, or a connection that never
        opened).
        """
        return self._call(CANCEL, body=_cancel_body(message_ids))


class AsyncMessagesMixin(AsyncAPIResource):
    """`messages.send()` and `messages.cancel()`, of `AsyncMessages`: the same, awaited."""

    async def send(
        self,
        *,
        destination_number: str | None = None,
        group_id: str | None = None,
        newsletter_id: str | None = None,
        text: str | None = None,
        template_id: str | None = None,
        variables: SendMessageRequestVariables | Mapping[str, str] | None = None,
        media: str | None = None,
        media_type: MessageMediaType | None = None,
        list: InteractiveList | Mapping[str, Any] | None = None,
        carousel: Carousel | Mapping[str, Any] | None = None,
        flow: Flow | Mapping[str, Any] | None = None,
        buttons: Sequence[Button | Mapping[str, Any]] | None = None,
        header: MessageHeader | Mapping[str, Any] | None = None,
        footer: str | None = None,
        labels: Sequence[str] | None = None,
        deliver_at: Instant | None = None,
        deliver_until: Instant | None = None,
        marketing_options: MarketingOptions | Mapping[str, Any] | None = None,
        mark_read: bool | None = None,
        idempotency_key: str | None = None,
    ) -> SentMessage:
        """Send a message from the key's number; see `Messages.send()`."""
        body, instants = _send_body(locals())  # the arguments, by name
        spec = self._client._prepare(SEND, body=body, idempotency_key=idempotency_key)
        return await self._client._request(_with_instants(spec, instants), _sent_message)

    async def cancel(self, *, message_ids: Sequence[str]) -> CancelMessagesResult | CancelMessagesCounts:
        """Cancel scheduled messages; see `Messages.cancel()`."""
        return await self._call(CANCEL, body=_cancel_body(message_ids))
