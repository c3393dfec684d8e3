"""Written by tools/generate.py from openapi.json; do not edit.

`messages`: the resource's generated methods, sync and async.
"""

from __future__ import annotations

import datetime

from pilotstatus._operations import Operation
from pilotstatus.resources._handwritten.messages import AsyncMessagesMixin, MessagesMixin
from pilotstatus_api.api.messages import get_messages_group, get_messages_history, get_messages_id, get_messages_unread
from pilotstatus_api.models.group_messages_page import GroupMessagesPage
from pilotstatus_api.models.message_details import MessageDetails
from pilotstatus_api.models.message_history_page import MessageHistoryPage
from pilotstatus_api.models.unread_messages_page import UnreadMessagesPage

__all__ = ["AsyncMessages", "Messages"]

RETRIEVE = Operation(get_messages_id, MessageDetails.from_dict)
HISTORY = Operation(get_messages_history, MessageHistoryPage.from_dict)
UNREAD = Operation(get_messages_unread, UnreadMessagesPage.from_dict)
GROUP = Operation(get_messages_group, GroupMessagesPage.from_dict)


class Messages(MessagesMixin):
    """WhatsApp messages sent from the key's number: send one (free-form text, a template, media, an interactive list,
    carousel or Flow), follow it by id, cancel scheduled ones, read the number's history.

    `messages`: `cancel()`, `group()`, `history()`, `retrieve()`, `send()`, `unread()`.

    Written by hand (`resources/_handwritten/messages.py`): `send()`, `cancel()`.
    """

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


class AsyncMessages(AsyncMessagesMixin):
    """WhatsApp messages sent from the key's number: send one (free-form text, a template, media, an interactive list,
    carousel or Flow), follow it by id, cancel scheduled ones, read the number's history.

    `messages`: `cancel()`, `group()`, `history()`, `retrieve()`, `send()`, `unread()`.

    Written by hand (`resources/_handwritten/messages.py`): `send()`, `cancel()`.

    The async twin of `Messages`: the same methods, awaited.
    """

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
