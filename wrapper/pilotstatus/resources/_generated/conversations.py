"""Written by tools/generate.py from openapi.json; do not edit.

`conversations`: the resource's generated methods, sync and async.
"""

from __future__ import annotations

import datetime
from collections.abc import AsyncIterator, Iterator

from pilotstatus._operations import Operation
from pilotstatus._resource import AsyncAPIResource, SyncAPIResource
from pilotstatus.pagination import (
    AsyncNumberedPage,
    NumberedList,
    NumberedPage,
    fetch_async_page,
    fetch_page,
    walk,
    walk_async,
)
from pilotstatus_api.api.conversations import get_conversations
from pilotstatus_api.models.conversation import Conversation
from pilotstatus_api.models.conversations_page import ConversationsPage

__all__ = ["AsyncConversations", "Conversations"]

LIST = Operation(get_conversations, ConversationsPage.from_dict)
LIST_PAGES = NumberedList(
    LIST, items="conversations", dates=("startDate", "endDate"), order="last_message_at", moves=True
)


class Conversations(SyncAPIResource):
    """What the number's chats hold: its conversations, and the messages of its history, unread and in groups, newest
    first, page by page.

    `conversations`: `iter()`, `list()`.
    """

    def list(
        self,
        *,
        start_date: datetime.datetime | str | None = None,
        end_date: datetime.datetime | str | None = None,
        page: int = 1,
        page_size: int = 30,
    ) -> NumberedPage[Conversation]:
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

        Returns one page (`NumberedPage`): its items, `total`, `page`, `page_size`, `total_pages`, and
        `get_next_page()`, which asks for the next number. The list is newest first and numbered anew at each request,
        so what arrives or leaves between two requests shifts the pages (an item comes twice, or not at all): `iter()`
        walks every page without that loss. The date bounds are aware datetimes or ISO 8601 strings with a zone, both
        inclusive.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).
        """
        return fetch_page(
            self._client, LIST_PAGES, page=page, page_size=page_size, start_date=start_date, end_date=end_date
        )

    def iter(
        self,
        *,
        start_date: datetime.datetime | str | None = None,
        end_date: datetime.datetime | str | None = None,
        page_size: int = 100,
    ) -> Iterator[Conversation]:
        """List conversations: every item (`Conversation`), newest first, each page fetched when the loop needs it.

        Each item in [`start_date`, `end_date`] when the walk begins is returned, and none twice, though an item that
        changes during the walk moves to the top of the list (a conversation that gets a message): a pass over the list
        finds every item that stays where it was, and the items that moved from below its position to the top are found
        by a pass over what is at least as new as the newest item of the pass before. The walk ends with a pass whose
        first page holds all it goes over, or that finds nothing newer than the one instant the pass before it went
        over. An item that moves past `end_date` during the walk may be left out; one that joins the list during the
        walk may come (once).

        Args:
            start_date: Start of the date range (filters by lastMessageAt), inclusive (inclusive is inferred: the
                documentation does not say). A value that is no date, or a startDate after the endDate, is 400
                INVALID_DATE_RANGE.
            end_date: End of the date range (filters by lastMessageAt), inclusive (inclusive is inferred: the
                documentation does not say). A value that is no date, or a startDate after the endDate, is 400
                INVALID_DATE_RANGE.
            page_size: items per request, 1..100 (default 100).

        The date bounds are aware datetimes or ISO 8601 strings with a zone, both inclusive. Arguments are checked at
        once, before any request. Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number
        (else `TenantScopeNotAllowedError`).
        """
        return walk(self._client, LIST_PAGES, page_size=page_size, start_date=start_date, end_date=end_date)


class AsyncConversations(AsyncAPIResource):
    """What the number's chats hold: its conversations, and the messages of its history, unread and in groups, newest
    first, page by page.

    `conversations`: `iter()`, `list()`.

    The async twin of `Conversations`: the same methods, awaited.
    """

    async def list(
        self,
        *,
        start_date: datetime.datetime | str | None = None,
        end_date: datetime.datetime | str | None = None,
        page: int = 1,
        page_size: int = 30,
    ) -> AsyncNumberedPage[Conversation]:
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

        Returns one page (`NumberedPage`): its items, `total`, `page`, `page_size`, `total_pages`, and
        `get_next_page()`, which asks for the next number. The list is newest first and numbered anew at each request,
        so what arrives or leaves between two requests shifts the pages (an item comes twice, or not at all): `iter()`
        walks every page without that loss. The date bounds are aware datetimes or ISO 8601 strings with a zone, both
        inclusive.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).
        """
        return await fetch_async_page(
            self._client, LIST_PAGES, page=page, page_size=page_size, start_date=start_date, end_date=end_date
        )

    def iter(
        self,
        *,
        start_date: datetime.datetime | str | None = None,
        end_date: datetime.datetime | str | None = None,
        page_size: int = 100,
    ) -> AsyncIterator[Conversation]:
        """List conversations: every item (`Conversation`), newest first, each page fetched when the loop needs it.

        Each item in [`start_date`, `end_date`] when the walk begins is returned, and none twice, though an item that
        changes during the walk moves to the top of the list (a conversation that gets a message): a pass over the list
        finds every item that stays where it was, and the items that moved from below its position to the top are found
        by a pass over what is at least as new as the newest item of the pass before. The walk ends with a pass whose
        first page holds all it goes over, or that finds nothing newer than the one instant the pass before it went
        over. An item that moves past `end_date` during the walk may be left out; one that joins the list during the
        walk may come (once).

        Args:
            start_date: Start of the date range (filters by lastMessageAt), inclusive (inclusive is inferred: the
                documentation does not say). A value that is no date, or a startDate after the endDate, is 400
                INVALID_DATE_RANGE.
            end_date: End of the date range (filters by lastMessageAt), inclusive (inclusive is inferred: the
                documentation does not say). A value that is no date, or a startDate after the endDate, is 400
                INVALID_DATE_RANGE.
            page_size: items per request, 1..100 (default 100).

        The date bounds are aware datetimes or ISO 8601 strings with a zone, both inclusive. Arguments are checked at
        once, before any request. Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number
        (else `TenantScopeNotAllowedError`).
        """
        return walk_async(self._client, LIST_PAGES, page_size=page_size, start_date=start_date, end_date=end_date)
