"""Written by tools/generate.py from openapi.json; do not edit.

`messages`: the resource's generated methods, sync and async.
"""

from __future__ import annotations

import datetime

from pilotstatus._operations import Operation
from pilotstatus._resource import AsyncAPIResource, SyncAPIResource, any_of
from pilotstatus_api.api.messages import (
    delete_messages_cancel,
    get_messages_group,
    get_messages_history,
    get_messages_id,
    get_messages_unread,
    post_messages_send,
)
from pilotstatus_api.models.button import Button
from pilotstatus_api.models.cancel_messages_counts import CancelMessagesCounts
from pilotstatus_api.models.cancel_messages_request import CancelMessagesRequest
from pilotstatus_api.models.cancel_messages_result import CancelMessagesResult
from pilotstatus_api.models.carousel import Carousel
from pilotstatus_api.models.flow import Flow
from pilotstatus_api.models.group_messages_page import GroupMessagesPage
from pilotstatus_api.models.interactive_list import InteractiveList
from pilotstatus_api.models.marketing_options import MarketingOptions
from pilotstatus_api.models.message_details import MessageDetails
from pilotstatus_api.models.message_header import MessageHeader
from pilotstatus_api.models.message_history_page import MessageHistoryPage
from pilotstatus_api.models.message_media_type import MessageMediaType
from pilotstatus_api.models.send_message_accepted import SendMessageAccepted
from pilotstatus_api.models.send_message_request import SendMessageRequest
from pilotstatus_api.models.send_message_request_variables import SendMessageRequestVariables
from pilotstatus_api.models.unread_messages_page import UnreadMessagesPage

__all__ = ["AsyncMessages", "Messages"]

SEND = Operation(post_messages_send, SendMessageAccepted.from_dict)
RETRIEVE = Operation(get_messages_id, MessageDetails.from_dict)
CANCEL = Operation(delete_messages_cancel, any_of(CancelMessagesResult.from_dict, CancelMessagesCounts.from_dict))
HISTORY = Operation(get_messages_history, MessageHistoryPage.from_dict)
UNREAD = Operation(get_messages_unread, UnreadMessagesPage.from_dict)
GROUP = Operation(get_messages_group, GroupMessagesPage.from_dict)


class Messages(SyncAPIResource):
    """WhatsApp messages sent from the key's number: send one (free-form text, a template, media, an interactive list,
    carousel or Flow), follow it by id, cancel scheduled ones, read the number's history.

    `messages`: `cancel()`, `group()`, `history()`, `retrieve()`, `send()`, `unread()`.
    """

    def send(
        self,
        *,
        destination_number: str | None = None,
        group_id: str | None = None,
        newsletter_id: str | None = None,
        text: str | None = None,
        template_id: str | None = None,
        variables: SendMessageRequestVariables | None = None,
        media: str | None = None,
        media_type: MessageMediaType | None = None,
        list: InteractiveList | None = None,
        carousel: Carousel | None = None,
        flow: Flow | None = None,
        buttons: list[Button] | None = None,
        header: MessageHeader | None = None,
        footer: str | None = None,
        labels: list[str] | None = None,
        deliver_at: datetime.datetime | None = None,
        deliver_until: datetime.datetime | None = None,
        marketing_options: MarketingOptions | None = None,
        mark_read: bool | None = None,
        idempotency_key: str | None = None,
    ) -> SendMessageAccepted:
        """Send message.

        Enqueues sending a message from the number linked to the API key. Use exactly one of templateId (template send,
        with variables) or text (free-form); and exactly one destination: destinationNumber (E.164), groupId (…@g.us) or
        newsletterId (…@newsletter). Requires a number-scoped key (403 for a tenant key). Real side effect: actually
        delivers and may cost. NOT_SUPPORTED_FOR_META for groupId/newsletterId on Meta numbers.

        **Requires a number-scoped key.**

        The 202 means the message is queued: it is then SENT, DELIVERED and READ, or FAILED with an `errorCode` (Get
        message, and the `message.*` webhooks). A failure found after the 202, such as META_OUTSIDE_24H_WINDOW for
        free-form text to a user who has not written in 24 hours, is no HTTP error. Honours an `Idempotency-Key`: a
        request sent again with the same key and body is answered once.

        Args:
            destination_number: The user's phone number, E.164 (the playground also takes a user's BSUID).
            group_id: A group (`…@g.us`). Not on a Meta number.
            newsletter_id: A newsletter (channel, `…@newsletter`). Not on a Meta number.
            text: A free-form message; the body of an interactive `list`. On a Meta number it reaches only a user who
                wrote in the last 24 hours: otherwise the message fails with META_OUTSIDE_24H_WINDOW.
            template_id: The template to send, by id or name. On a Meta number only an APPROVED template is sendable.
            variables: The template's variables, by name. Every variable of the template must be given (400
                MISSING_TEMPLATE_VARIABLES). The official Python SDK always sends it, `{}` when there are none.
            media: Media sent directly: a URL or a data URI.
            media_type: What a directly sent `media` is. The documentation lists image, video, document and audio; the
                official Python SDK adds voice and sticker (the SDK wins, so all six are accepted). The official SDK
                sends `image` when `media` is given without it.
            list: A single-select interactive list: `text` is its body, `buttonText` opens the sections.
            carousel: An ad-hoc media carousel.
            flow: A WhatsApp Flow chosen at send time. It needs the user's 24-hour window open: with it closed the
                message fails with FLOW_WINDOW_CLOSED (Meta would drop it silently). A template with a FLOW button
                ignores the window. There is no `flowToken` on purpose: Pilot Status mints it, and the send's answer
                returns it.
            buttons: The buttons of a free-form message: up to 3 (the send guide).
            header: The header of a free-form message: a text, or the URL of an image, a video or a document. The
                official Python SDK types it `{type, content}` (one of its tests sends `text` instead of `content`: the
                type wins).
            footer: The footer of a free-form message.
            labels: Labels kept with the message (the official SDK leaves an empty list out).
            deliver_at: Schedules the message: it stays QUEUED until then, and may be cancelled meanwhile. Stricter than
                upstream (our assumption): an RFC 3339 date-time with a zone, where upstream says ISO 8601.
            deliver_until: The latest instant to deliver it: a message not delivered by then fails
                (EXPIRED_AFTER_ATTEMPTS, or DELIVERED_NOT_CONFIRMED when sent without a delivery receipt). Stricter than
                upstream (our assumption): an RFC 3339 date-time with a zone.
            marketing_options: Options of a marketing send.
            mark_read: Meta numbers: false sends no typing indicator and no read receipt for the user's last message
                (Meta ties the two); left out, the number's `markReadOnSend` setting applies (true by default). No
                effect on other numbers.
            idempotency_key: Your own key for this request (1 to 255 printable ASCII characters), to send the same
                request again later with it; default: a new UUID4 for each call. The server acts once on a key for 24
                hours: the same key with the same body gets the first answer again, with another body
                `IdempotencyKeyReusedError`.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Sent with an `Idempotency-Key` of its own (`idempotency_key`, or a new one), the same on each retry: retried
        after a timeout, a broken connection or a 5xx, as a read is, and after a 409 `IDEMPOTENCY_KEY_IN_USE`; an error
        raised carries the key as `idempotency_key`.
        """
        return self._call(
            SEND,
            body=SendMessageRequest(
                destination_number=destination_number,
                group_id=group_id,
                newsletter_id=newsletter_id,
                text=text,
                template_id=template_id,
                variables=variables,
                media=media,
                media_type=media_type,
                list_=list,
                carousel=carousel,
                flow=flow,
                buttons=buttons,
                header=header,
                footer=footer,
                labels=labels,
                deliver_at=deliver_at,
                deliver_until=deliver_until,
                marketing_options=marketing_options,
                mark_read=mark_read,
            ),
            idempotency_key=idempotency_key,
        )

    def retrieve(self, message_id: str) -> MessageDetails:
        """Get message.

        Returns one message sent by the key's number: its status, the instants of its life and, when it failed, why
        (`errorCode`). {messageId} accepts the Pilot Status id (msg_...), the correlationId of the send, or the
        provider's id (wamid). A message with no send request (sent from the WhatsApp Business app or another client of
        the same WABA: origin APP, LAYER, or a native Chatwoot inbox) is 404.

        **Requires a number-scoped key.**

        Args:
            message_id: The message: its Pilot Status id (msg_...), its correlationId, or the provider's id (wamid...).
                Stricter than upstream (our assumption): at most 256 characters, not blank, and not `.` or `..`, as a
                call id.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).
        """
        return self._call(RETRIEVE, message_id)

    def cancel(self, *, message_ids: list[str] | str) -> CancelMessagesResult | CancelMessagesCounts:
        """Cancel scheduled messages.

        Cancels SCHEDULED (not yet sent) messages by an array of messageIds (1–100). Requires a number-scoped key. Real
        side effect on the send queue.

        **Requires a number-scoped key.**

        A scheduled message is one still QUEUED for a `deliverAt` to come; it becomes CANCELED. An id that is not the
        number's, or a message no longer scheduled, is not cancelled: it is listed in `failed` with its reason.

        Args:
            message_ids: Ids of scheduled messages to cancel. An array of 1 to 100 ids, as the official Python SDK sends
                it. The published block types it as a string, whose example is the JSON text of such an array: a string
                is accepted too, read as that JSON text (a string that is not one names one id: inferred).

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Sent once: not sent again once it may have reached the server (only after a 429, or a connection that never
        opened).
        """
        return self._call(CANCEL, body=CancelMessagesRequest(message_ids=message_ids))

    def history(
        self,
        *,
        start_date: datetime.datetime | None = None,
        end_date: datetime.datetime | None = None,
        page: int = 1,
        page_size: int = 30,
    ) -> MessageHistoryPage:
        """Message history.

        Lists the linked number's full message history (direct and group), ordered by providerTimestamp (newest first).
        Works for all providers (Evolution Go, Evolution v2 and Meta). Paginated via page/pageSize. Filter by date with
        startDate/endDate (ISO 8601, over providerTimestamp). Returns up to ~1 month of stored history (from the
        connection date). The number's privacy (PII) mode applies: RELAY_ONLY → [] + notice:"PII_RELAY_ONLY";
        STORE_X_DAYS clamps to the window max(startDate, now − retentionDays). Requires a number-scoped key.

        **Requires a number-scoped key.**

        Ties (rows of the same instant) are ordered by `id`, descending (inferred: the documentation states no
        tie-break). A row that arrives while pages are read pushes the older ones down a page: walk the list with a
        fixed endDate to read each row once. Rows of messages imported from the device on connect are included; the
        webhook does not replay them.

        Args:
            start_date: Start of the date range (filters by providerTimestamp), inclusive (inclusive is inferred: the
                documentation does not say). A value that is no date, or a startDate after the endDate, is 400
                INVALID_DATE_RANGE.
            end_date: End of the date range (filters by providerTimestamp), inclusive (inclusive is inferred: the
                documentation does not say). A value that is no date, or a startDate after the endDate, is 400
                INVALID_DATE_RANGE.
            page: The page to return, from 1 (default 1).
            page_size: Rows per page (default 30, at most 100).

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).
        """
        return self._call(
            HISTORY, query={"start_date": start_date, "end_date": end_date, "page": page, "page_size": page_size}
        )

    def unread(self, *, page: int = 1, page_size: int = 30) -> UnreadMessagesPage:
        """Unread messages.

        Lists the linked number's unread INBOUND messages (newest first). "total" is the TRUE unread count — the sum of
        Conversation.unreadCount (the same counter the dashboard shows), not a raw count of inbound messages. Each item
        carries conversationUnreadCount (the conversation's unread total). Paginated via page/pageSize (no date range).
        The number's privacy (PII) mode applies: RELAY_ONLY → [] + notice:"PII_RELAY_ONLY"; STORE_X_DAYS clamps to the
        retention window. Requires a number-scoped key.

        **Requires a number-scoped key.**

        Ties (rows of the same instant) are ordered by `id`, descending (inferred: the documentation states no
        tie-break). The list shrinks as messages are read: a walk over its pages may miss a message read meanwhile.

        Args:
            page: The page to return, from 1 (default 1).
            page_size: Rows per page (default 30, at most 100).

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).
        """
        return self._call(UNREAD, query={"page": page, "page_size": page_size})

    def group(
        self,
        *,
        start_date: datetime.datetime | None = None,
        end_date: datetime.datetime | None = None,
        page: int = 1,
        page_size: int = 30,
    ) -> GroupMessagesPage:
        """Group messages.

        Lists messages in the linked number's GROUP conversations (newest first). Paginated via page/pageSize. Filter by
        date with startDate/endDate (ISO 8601, over createdAt). Meta numbers return 400 NOT_SUPPORTED_FOR_META (groups
        are PILOT_STATUS-only). The number's privacy (PII) mode applies: RELAY_ONLY → [] + notice:"PII_RELAY_ONLY";
        STORE_X_DAYS clamps to the window max(startDate, now − retentionDays). Requires a number-scoped key.

        **Requires a number-scoped key.**

        Ties (rows of the same instant) are ordered by `id`, descending (inferred: the documentation states no
        tie-break). A row that arrives while pages are read pushes the older ones down a page: walk the list with a
        fixed endDate to read each row once.

        Args:
            start_date: Start of the date range (filters by createdAt), inclusive (inclusive is inferred: the
                documentation does not say). A value that is no date, or a startDate after the endDate, is 400
                INVALID_DATE_RANGE.
            end_date: End of the date range (filters by createdAt), inclusive (inclusive is inferred: the documentation
                does not say). A value that is no date, or a startDate after the endDate, is 400 INVALID_DATE_RANGE.
            page: The page to return, from 1 (default 1).
            page_size: Rows per page (default 30, at most 100).

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).
        """
        return self._call(
            GROUP, query={"start_date": start_date, "end_date": end_date, "page": page, "page_size": page_size}
        )


class AsyncMessages(AsyncAPIResource):
    """WhatsApp messages sent from the key's number: send one (free-form text, a template, media, an interactive list,
    carousel or Flow), follow it by id, cancel scheduled ones, read the number's history.

    `messages`: `cancel()`, `group()`, `history()`, `retrieve()`, `send()`, `unread()`.

    The async twin of `Messages`: the same methods, awaited.
    """

    async def send(
        self,
        *,
        destination_number: str | None = None,
        group_id: str | None = None,
        newsletter_id: str | None = None,
        text: str | None = None,
        template_id: str | None = None,
        variables: SendMessageRequestVariables | None = None,
        media: str | None = None,
        media_type: MessageMediaType | None = None,
        list: InteractiveList | None = None,
        carousel: Carousel | None = None,
        flow: Flow | None = None,
        buttons: list[Button] | None = None,
        header: MessageHeader | None = None,
        footer: str | None = None,
        labels: list[str] | None = None,
        deliver_at: datetime.datetime | None = None,
        deliver_until: datetime.datetime | None = None,
        marketing_options: MarketingOptions | None = None,
        mark_read: bool | None = None,
        idempotency_key: str | None = None,
    ) -> SendMessageAccepted:
        """Send message.

        Enqueues sending a message from the number linked to the API key. Use exactly one of templateId (template send,
        with variables) or text (free-form); and exactly one destination: destinationNumber (E.164), groupId (…@g.us) or
        newsletterId (…@newsletter). Requires a number-scoped key (403 for a tenant key). Real side effect: actually
        delivers and may cost. NOT_SUPPORTED_FOR_META for groupId/newsletterId on Meta numbers.

        **Requires a number-scoped key.**

        The 202 means the message is queued: it is then SENT, DELIVERED and READ, or FAILED with an `errorCode` (Get
        message, and the `message.*` webhooks). A failure found after the 202, such as META_OUTSIDE_24H_WINDOW for
        free-form text to a user who has not written in 24 hours, is no HTTP error. Honours an `Idempotency-Key`: a
        request sent again with the same key and body is answered once.

        Args:
            destination_number: The user's phone number, E.164 (the playground also takes a user's BSUID).
            group_id: A group (`…@g.us`). Not on a Meta number.
            newsletter_id: A newsletter (channel, `…@newsletter`). Not on a Meta number.
            text: A free-form message; the body of an interactive `list`. On a Meta number it reaches only a user who
                wrote in the last 24 hours: otherwise the message fails with META_OUTSIDE_24H_WINDOW.
            template_id: The template to send, by id or name. On a Meta number only an APPROVED template is sendable.
            variables: The template's variables, by name. Every variable of the template must be given (400
                MISSING_TEMPLATE_VARIABLES). The official Python SDK always sends it, `{}` when there are none.
            media: Media sent directly: a URL or a data URI.
            media_type: What a directly sent `media` is. The documentation lists image, video, document and audio; the
                official Python SDK adds voice and sticker (the SDK wins, so all six are accepted). The official SDK
                sends `image` when `media` is given without it.
            list: A single-select interactive list: `text` is its body, `buttonText` opens the sections.
            carousel: An ad-hoc media carousel.
            flow: A WhatsApp Flow chosen at send time. It needs the user's 24-hour window open: with it closed the
                message fails with FLOW_WINDOW_CLOSED (Meta would drop it silently). A template with a FLOW button
                ignores the window. There is no `flowToken` on purpose: Pilot Status mints it, and the send's answer
                returns it.
            buttons: The buttons of a free-form message: up to 3 (the send guide).
            header: The header of a free-form message: a text, or the URL of an image, a video or a document. The
                official Python SDK types it `{type, content}` (one of its tests sends `text` instead of `content`: the
                type wins).
            footer: The footer of a free-form message.
            labels: Labels kept with the message (the official SDK leaves an empty list out).
            deliver_at: Schedules the message: it stays QUEUED until then, and may be cancelled meanwhile. Stricter than
                upstream (our assumption): an RFC 3339 date-time with a zone, where upstream says ISO 8601.
            deliver_until: The latest instant to deliver it: a message not delivered by then fails
                (EXPIRED_AFTER_ATTEMPTS, or DELIVERED_NOT_CONFIRMED when sent without a delivery receipt). Stricter than
                upstream (our assumption): an RFC 3339 date-time with a zone.
            marketing_options: Options of a marketing send.
            mark_read: Meta numbers: false sends no typing indicator and no read receipt for the user's last message
                (Meta ties the two); left out, the number's `markReadOnSend` setting applies (true by default). No
                effect on other numbers.
            idempotency_key: Your own key for this request (1 to 255 printable ASCII characters), to send the same
                request again later with it; default: a new UUID4 for each call. The server acts once on a key for 24
                hours: the same key with the same body gets the first answer again, with another body
                `IdempotencyKeyReusedError`.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Sent with an `Idempotency-Key` of its own (`idempotency_key`, or a new one), the same on each retry: retried
        after a timeout, a broken connection or a 5xx, as a read is, and after a 409 `IDEMPOTENCY_KEY_IN_USE`; an error
        raised carries the key as `idempotency_key`.
        """
        return await self._call(
            SEND,
            body=SendMessageRequest(
                destination_number=destination_number,
                group_id=group_id,
                newsletter_id=newsletter_id,
                text=text,
                template_id=template_id,
                variables=variables,
                media=media,
                media_type=media_type,
                list_=list,
                carousel=carousel,
                flow=flow,
                buttons=buttons,
                header=header,
                footer=footer,
                labels=labels,
                deliver_at=deliver_at,
                deliver_until=deliver_until,
                marketing_options=marketing_options,
                mark_read=mark_read,
            ),
            idempotency_key=idempotency_key,
        )

    async def retrieve(self, message_id: str) -> MessageDetails:
        """Get message.

        Returns one message sent by the key's number: its status, the instants of its life and, when it failed, why
        (`errorCode`). {messageId} accepts the Pilot Status id (msg_...), the correlationId of the send, or the
        provider's id (wamid). A message with no send request (sent from the WhatsApp Business app or another client of
        the same WABA: origin APP, LAYER, or a native Chatwoot inbox) is 404.

        **Requires a number-scoped key.**

        Args:
            message_id: The message: its Pilot Status id (msg_...), its correlationId, or the provider's id (wamid...).
                Stricter than upstream (our assumption): at most 256 characters, not blank, and not `.` or `..`, as a
                call id.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).
        """
        return await self._call(RETRIEVE, message_id)

    async def cancel(self, *, message_ids: list[str] | str) -> CancelMessagesResult | CancelMessagesCounts:
        """Cancel scheduled messages.

        Cancels SCHEDULED (not yet sent) messages by an array of messageIds (1–100). Requires a number-scoped key. Real
        side effect on the send queue.

        **Requires a number-scoped key.**

        A scheduled message is one still QUEUED for a `deliverAt` to come; it becomes CANCELED. An id that is not the
        number's, or a message no longer scheduled, is not cancelled: it is listed in `failed` with its reason.

        Args:
            message_ids: Ids of scheduled messages to cancel. An array of 1 to 100 ids, as the official Python SDK sends
                it. The published block types it as a string, whose example is the JSON text of such an array: a string
                is accepted too, read as that JSON text (a string that is not one names one id: inferred).

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Sent once: not sent again once it may have reached the server (only after a 429, or a connection that never
        opened).
        """
        return await self._call(CANCEL, body=CancelMessagesRequest(message_ids=message_ids))

    async def history(
        self,
        *,
        start_date: datetime.datetime | None = None,
        end_date: datetime.datetime | None = None,
        page: int = 1,
        page_size: int = 30,
    ) -> MessageHistoryPage:
        """Message history.

        Lists the linked number's full message history (direct and group), ordered by providerTimestamp (newest first).
        Works for all providers (Evolution Go, Evolution v2 and Meta). Paginated via page/pageSize. Filter by date with
        startDate/endDate (ISO 8601, over providerTimestamp). Returns up to ~1 month of stored history (from the
        connection date). The number's privacy (PII) mode applies: RELAY_ONLY → [] + notice:"PII_RELAY_ONLY";
        STORE_X_DAYS clamps to the window max(startDate, now − retentionDays). Requires a number-scoped key.

        **Requires a number-scoped key.**

        Ties (rows of the same instant) are ordered by `id`, descending (inferred: the documentation states no
        tie-break). A row that arrives while pages are read pushes the older ones down a page: walk the list with a
        fixed endDate to read each row once. Rows of messages imported from the device on connect are included; the
        webhook does not replay them.

        Args:
            start_date: Start of the date range (filters by providerTimestamp), inclusive (inclusive is inferred: the
                documentation does not say). A value that is no date, or a startDate after the endDate, is 400
                INVALID_DATE_RANGE.
            end_date: End of the date range (filters by providerTimestamp), inclusive (inclusive is inferred: the
                documentation does not say). A value that is no date, or a startDate after the endDate, is 400
                INVALID_DATE_RANGE.
            page: The page to return, from 1 (default 1).
            page_size: Rows per page (default 30, at most 100).

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).
        """
        return await self._call(
            HISTORY, query={"start_date": start_date, "end_date": end_date, "page": page, "page_size": page_size}
        )

    async def unread(self, *, page: int = 1, page_size: int = 30) -> UnreadMessagesPage:
        """Unread messages.

        Lists the linked number's unread INBOUND messages (newest first). "total" is the TRUE unread count — the sum of
        Conversation.unreadCount (the same counter the dashboard shows), not a raw count of inbound messages. Each item
        carries conversationUnreadCount (the conversation's unread total). Paginated via page/pageSize (no date range).
        The number's privacy (PII) mode applies: RELAY_ONLY → [] + notice:"PII_RELAY_ONLY"; STORE_X_DAYS clamps to the
        retention window. Requires a number-scoped key.

        **Requires a number-scoped key.**

        Ties (rows of the same instant) are ordered by `id`, descending (inferred: the documentation states no
        tie-break). The list shrinks as messages are read: a walk over its pages may miss a message read meanwhile.

        Args:
            page: The page to return, from 1 (default 1).
            page_size: Rows per page (default 30, at most 100).

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).
        """
        return await self._call(UNREAD, query={"page": page, "page_size": page_size})

    async def group(
        self,
        *,
        start_date: datetime.datetime | None = None,
        end_date: datetime.datetime | None = None,
        page: int = 1,
        page_size: int = 30,
    ) -> GroupMessagesPage:
        """Group messages.

        Lists messages in the linked number's GROUP conversations (newest first). Paginated via page/pageSize. Filter by
        date with startDate/endDate (ISO 8601, over createdAt). Meta numbers return 400 NOT_SUPPORTED_FOR_META (groups
        are PILOT_STATUS-only). The number's privacy (PII) mode applies: RELAY_ONLY → [] + notice:"PII_RELAY_ONLY";
        STORE_X_DAYS clamps to the window max(startDate, now − retentionDays). Requires a number-scoped key.

        **Requires a number-scoped key.**

        Ties (rows of the same instant) are ordered by `id`, descending (inferred: the documentation states no
        tie-break). A row that arrives while pages are read pushes the older ones down a page: walk the list with a
        fixed endDate to read each row once.

        Args:
            start_date: Start of the date range (filters by createdAt), inclusive (inclusive is inferred: the
                documentation does not say). A value that is no date, or a startDate after the endDate, is 400
                INVALID_DATE_RANGE.
            end_date: End of the date range (filters by createdAt), inclusive (inclusive is inferred: the documentation
                does not say). A value that is no date, or a startDate after the endDate, is 400 INVALID_DATE_RANGE.
            page: The page to return, from 1 (default 1).
            page_size: Rows per page (default 30, at most 100).

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).
        """
        return await self._call(
            GROUP, query={"start_date": start_date, "end_date": end_date, "page": page, "page_size": page_size}
        )
