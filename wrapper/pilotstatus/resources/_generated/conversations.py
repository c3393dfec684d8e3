"""Written by tools/generate.py from openapi.json; do not edit.

`conversations`: the resource's generated methods, sync and async.
"""

from __future__ import annotations

import datetime

from pilotstatus._operations import Operation
from pilotstatus._resource import AsyncAPIResource, SyncAPIResource
from pilotstatus_api.api.conversations import get_conversations
from pilotstatus_api.models.conversations_page import ConversationsPage

__all__ = ["AsyncConversations", "Conversations"]

LIST = Operation(get_conversations, ConversationsPage.from_dict)


class Conversations(SyncAPIResource):
    """What the number's chats hold: its conversations, and the messages of its history, unread and in groups, newest
    first, page by page.

    `conversations`: `list()`.
    """

    def list(
        self,
        *,
        start_date: datetime.datetime | None = None,
        end_date: datetime.datetime | None = None,
        page: int = 1,
        page_size: int = 30,
    ) -> ConversationsPage:
        """List conversations.

        Lists the linked number's conversations, ordered by last activity (lastMessageAt desc). Paginated via
        page/pageSize. Filter by date with startDate/endDate (ISO 8601, over lastMessageAt). The number's privacy (PII)
        mode affects the response: RELAY_ONLY returns [] + notice:"PII_RELAY_ONLY"; STORE_X_DAYS clamps to the window
        max(startDate, now − retentionDays). Requires a number-scoped key. Contact identity: `from` is the E.164 phone
        (with `+`) when known — it may be null for contacts using a WhatsApp username; `userId` is the durable BSUID
        (stable contact id) and `username` the public handle when visible.

        **Requires a number-scoped key.**

        A conversation that gets a message moves to the top: a walk over the pages may meet it twice, or miss it, unless
        it reads the top again.

        Args:
            start_date: Start of the date range (filters by lastMessageAt), inclusive (inclusive is inferred: the
                documentation does not say). A value that is no date, or a startDate after the endDate, is 400
                INVALID_DATE_RANGE.
            end_date: End of the date range (filters by lastMessageAt), inclusive (inclusive is inferred: the
                documentation does not say). A value that is no date, or a startDate after the endDate, is 400
                INVALID_DATE_RANGE.
            page: The page to return, from 1 (default 1).
            page_size: Rows per page (default 30, at most 100).

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).
        """
        return self._call(
            LIST, query={"start_date": start_date, "end_date": end_date, "page": page, "page_size": page_size}
        )


class AsyncConversations(AsyncAPIResource):
    """What the number's chats hold: its conversations, and the messages of its history, unread and in groups, newest
    first, page by page.

    `conversations`: `list()`.

    The async twin of `Conversations`: the same methods, awaited.
    """

    async def list(
        self,
        *,
        start_date: datetime.datetime | None = None,
        end_date: datetime.datetime | None = None,
        page: int = 1,
        page_size: int = 30,
    ) -> ConversationsPage:
        """List conversations.

        Lists the linked number's conversations, ordered by last activity (lastMessageAt desc). Paginated via
        page/pageSize. Filter by date with startDate/endDate (ISO 8601, over lastMessageAt). The number's privacy (PII)
        mode affects the response: RELAY_ONLY returns [] + notice:"PII_RELAY_ONLY"; STORE_X_DAYS clamps to the window
        max(startDate, now − retentionDays). Requires a number-scoped key. Contact identity: `from` is the E.164 phone
        (with `+`) when known — it may be null for contacts using a WhatsApp username; `userId` is the durable BSUID
        (stable contact id) and `username` the public handle when visible.

        **Requires a number-scoped key.**

        A conversation that gets a message moves to the top: a walk over the pages may meet it twice, or miss it, unless
        it reads the top again.

        Args:
            start_date: Start of the date range (filters by lastMessageAt), inclusive (inclusive is inferred: the
                documentation does not say). A value that is no date, or a startDate after the endDate, is 400
                INVALID_DATE_RANGE.
            end_date: End of the date range (filters by lastMessageAt), inclusive (inclusive is inferred: the
                documentation does not say). A value that is no date, or a startDate after the endDate, is 400
                INVALID_DATE_RANGE.
            page: The page to return, from 1 (default 1).
            page_size: Rows per page (default 30, at most 100).

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).
        """
        return await self._call(
            LIST, query={"start_date": start_date, "end_date": end_date, "page": page, "page_size": page_size}
        )
