"""Written by tools/generate.py from openapi.json; do not edit.

`messages`: the resource's generated methods, sync and async.
"""

from __future__ import annotations

import datetime
from collections.abc import AsyncIterator, Iterator

from pilotstatus._operations import Operation
from pilotstatus.pagination import (
    AsyncNumberedPage,
    NumberedList,
    NumberedPage,
    fetch_async_page,
    fetch_page,
    walk,
    walk_async,
)
from pilotstatus.resources._handwritten.messages import AsyncMessagesMixin, MessagesMixin
from pilotstatus_api.api.messages import get_messages_group, get_messages_history, get_messages_id, get_messages_unread
from pilotstatus_api.models.group_message import GroupMessage
from pilotstatus_api.models.group_messages_page import GroupMessagesPage
from pilotstatus_api.models.history_message import HistoryMessage
from pilotstatus_api.models.message_details import MessageDetails
from pilotstatus_api.models.message_history_page import MessageHistoryPage
from pilotstatus_api.models.unread_message import UnreadMessage
from pilotstatus_api.models.unread_messages_page import UnreadMessagesPage

__all__ = ["AsyncMessages", "Messages"]

RETRIEVE = Operation(get_messages_id, MessageDetails.from_dict)
HISTORY = Operation(get_messages_history, MessageHistoryPage.from_dict)
UNREAD = Operation(get_messages_unread, UnreadMessagesPage.from_dict)
GROUP = Operation(get_messages_group, GroupMessagesPage.from_dict)
HISTORY_PAGES = NumberedList(HISTORY, items="messages", dates=("startDate", "endDate"), order="provider_timestamp")
UNREAD_PAGES = NumberedList(UNREAD, items="messages")
GROUP_PAGES = NumberedList(GROUP, items="messages", dates=("startDate", "endDate"), order="created_at")


class Messages(MessagesMixin):
    """WhatsApp messages sent from the key's number: send one (free-form text, a template, media, an interactive list,
    carousel or Flow), follow it by id, cancel scheduled ones, read the number's history.

    `messages`: `cancel()`, `group()`, `history()`, `iter_group()`, `iter_history()`, `iter_unread()`, `retrieve()`,
    `send()`, `unread()`.

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
        start_date: datetime.datetime | str | None = None,
        end_date: datetime.datetime | str | None = None,
        page: int = 1,
        page_size: int = 30,
    ) -> NumberedPage[HistoryMessage]:
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

        Returns one page (`NumberedPage`): its items, `total`, `page`, `page_size`, `total_pages`, and
        `get_next_page()`, which asks for the next number. The list is newest first and numbered anew at each request,
        so what arrives or leaves between two requests shifts the pages (an item comes twice, or not at all):
        `iter_history()` walks every page without that loss. The date bounds are aware datetimes or ISO 8601 strings
        with a zone, both inclusive.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).
        """
        return fetch_page(
            self._client, HISTORY_PAGES, page=page, page_size=page_size, start_date=start_date, end_date=end_date
        )

    def iter_history(
        self,
        *,
        start_date: datetime.datetime | str | None = None,
        end_date: datetime.datetime | str | None = None,
        page_size: int = 100,
    ) -> Iterator[HistoryMessage]:
        """Message history: every item (`HistoryMessage`), newest first, each page fetched when the loop needs it.

        Each item in [`start_date`, `end_date`] is returned exactly once, however many arrive during the walk: the
        window ends at the newest item of the first page (on the server's clock, not this one's), each later page is
        asked for up to that instant, and what a page repeats of an earlier one is dropped. An item that arrives during
        the walk is left out, unless it shares the instant of that newest item: then it may come (once).

        Args:
            start_date: Start of the date range (filters by providerTimestamp), inclusive (inclusive is inferred: the
                documentation does not say). A value that is no date, or a startDate after the endDate, is 400
                INVALID_DATE_RANGE.
            end_date: End of the date range (filters by providerTimestamp), inclusive (inclusive is inferred: the
                documentation does not say). A value that is no date, or a startDate after the endDate, is 400
                INVALID_DATE_RANGE.
            page_size: items per request, 1..100 (default 100).

        The date bounds are aware datetimes or ISO 8601 strings with a zone, both inclusive. Arguments are checked at
        once, before any request. Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number
        (else `TenantScopeNotAllowedError`).
        """
        return walk(self._client, HISTORY_PAGES, page_size=page_size, start_date=start_date, end_date=end_date)

    def unread(self, *, page: int = 1, page_size: int = 30) -> NumberedPage[UnreadMessage]:
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

        Returns one page (`NumberedPage`): its items, `total`, `page`, `page_size`, `total_pages`, and
        `get_next_page()`, which asks for the next number. The list is newest first and numbered anew at each request,
        so what arrives or leaves between two requests shifts the pages (an item comes twice, or not at all):
        `iter_unread()` walks every page without that loss.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).
        """
        return fetch_page(self._client, UNREAD_PAGES, page=page, page_size=page_size)

    def iter_unread(self, *, page_size: int = 100) -> Iterator[UnreadMessage]:
        """Unread messages: every item (`UnreadMessage`), newest first, each page fetched when the loop needs it.

        The list shrinks as items leave it (a message that is read) and grows at the top as items arrive. Each item in
        it from the start of the walk to its end is returned exactly once, and none twice: a page that repeats what an
        earlier one brought is dropped, and when the list's `total` has shrunk since the page before, the walk steps
        back as many places. An item that leaves or arrives during the walk may come (once) or not. This holds as long
        as what arrives sorts above what the walk has passed, as a new message does; one that shares its instant with
        messages already passed (a sandbox whose clock stands still) sorts among them by id.

        Args:
            page_size: items per request, 1..100 (default 100).

        Arguments are checked at once, before any request. Keys: a number's own key, or a tenant key with
        `whatsapp_number_id` naming the number (else `TenantScopeNotAllowedError`).
        """
        return walk(self._client, UNREAD_PAGES, page_size=page_size)

    def group(
        self,
        *,
        start_date: datetime.datetime | str | None = None,
        end_date: datetime.datetime | str | None = None,
        page: int = 1,
        page_size: int = 30,
    ) -> NumberedPage[GroupMessage]:
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

        Returns one page (`NumberedPage`): its items, `total`, `page`, `page_size`, `total_pages`, and
        `get_next_page()`, which asks for the next number. The list is newest first and numbered anew at each request,
        so what arrives or leaves between two requests shifts the pages (an item comes twice, or not at all):
        `iter_group()` walks every page without that loss. The date bounds are aware datetimes or ISO 8601 strings with
        a zone, both inclusive.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).
        """
        return fetch_page(
            self._client, GROUP_PAGES, page=page, page_size=page_size, start_date=start_date, end_date=end_date
        )

    def iter_group(
        self,
        *,
        start_date: datetime.datetime | str | None = None,
        end_date: datetime.datetime | str | None = None,
        page_size: int = 100,
    ) -> Iterator[GroupMessage]:
        """Group messages: every item (`GroupMessage`), newest first, each page fetched when the loop needs it.

        Each item in [`start_date`, `end_date`] is returned exactly once, however many arrive during the walk: the
        window ends at the newest item of the first page (on the server's clock, not this one's), each later page is
        asked for up to that instant, and what a page repeats of an earlier one is dropped. An item that arrives during
        the walk is left out, unless it shares the instant of that newest item: then it may come (once).

        Args:
            start_date: Start of the date range (filters by createdAt), inclusive (inclusive is inferred: the
                documentation does not say). A value that is no date, or a startDate after the endDate, is 400
                INVALID_DATE_RANGE.
            end_date: End of the date range (filters by createdAt), inclusive (inclusive is inferred: the documentation
                does not say). A value that is no date, or a startDate after the endDate, is 400 INVALID_DATE_RANGE.
            page_size: items per request, 1..100 (default 100).

        The date bounds are aware datetimes or ISO 8601 strings with a zone, both inclusive. Arguments are checked at
        once, before any request. Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number
        (else `TenantScopeNotAllowedError`).
        """
        return walk(self._client, GROUP_PAGES, page_size=page_size, start_date=start_date, end_date=end_date)


class AsyncMessages(AsyncMessagesMixin):
    """WhatsApp messages sent from the key's number: send one (free-form text, a template, media, an interactive list,
    carousel or Flow), follow it by id, cancel scheduled ones, read the number's history.

    `messages`: `cancel()`, `group()`, `history()`, `iter_group()`, `iter_history()`, `iter_unread()`, `retrieve()`,
    `send()`, `unread()`.

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
        start_date: datetime.datetime | str | None = None,
        end_date: datetime.datetime | str | None = None,
        page: int = 1,
        page_size: int = 30,
    ) -> AsyncNumberedPage[HistoryMessage]:
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

        Returns one page (`NumberedPage`): its items, `total`, `page`, `page_size`, `total_pages`, and
        `get_next_page()`, which asks for the next number. The list is newest first and numbered anew at each request,
        so what arrives or leaves between two requests shifts the pages (an item comes twice, or not at all):
        `iter_history()` walks every page without that loss. The date bounds are aware datetimes or ISO 8601 strings
        with a zone, both inclusive.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).
        """
        return await fetch_async_page(
            self._client, HISTORY_PAGES, page=page, page_size=page_size, start_date=start_date, end_date=end_date
        )

    def iter_history(
        self,
        *,
        start_date: datetime.datetime | str | None = None,
        end_date: datetime.datetime | str | None = None,
        page_size: int = 100,
    ) -> AsyncIterator[HistoryMessage]:
        """Message history: every item (`HistoryMessage`), newest first, each page fetched when the loop needs it.

        Each item in [`start_date`, `end_date`] is returned exactly once, however many arrive during the walk: the
        window ends at the newest item of the first page (on the server's clock, not this one's), each later page is
        asked for up to that instant, and what a page repeats of an earlier one is dropped. An item that arrives during
        the walk is left out, unless it shares the instant of that newest item: then it may come (once).

        Args:
            start_date: Start of the date range (filters by providerTimestamp), inclusive (inclusive is inferred: the
                documentation does not say). A value that is no date, or a startDate after the endDate, is 400
                INVALID_DATE_RANGE.
            end_date: End of the date range (filters by providerTimestamp), inclusive (inclusive is inferred: the
                documentation does not say). A value that is no date, or a startDate after the endDate, is 400
                INVALID_DATE_RANGE.
            page_size: items per request, 1..100 (default 100).

        The date bounds are aware datetimes or ISO 8601 strings with a zone, both inclusive. Arguments are checked at
        once, before any request. Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number
        (else `TenantScopeNotAllowedError`).
        """
        return walk_async(self._client, HISTORY_PAGES, page_size=page_size, start_date=start_date, end_date=end_date)

    async def unread(self, *, page: int = 1, page_size: int = 30) -> AsyncNumberedPage[UnreadMessage]:
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

        Returns one page (`NumberedPage`): its items, `total`, `page`, `page_size`, `total_pages`, and
        `get_next_page()`, which asks for the next number. The list is newest first and numbered anew at each request,
        so what arrives or leaves between two requests shifts the pages (an item comes twice, or not at all):
        `iter_unread()` walks every page without that loss.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).
        """
        return await fetch_async_page(self._client, UNREAD_PAGES, page=page, page_size=page_size)

    def iter_unread(self, *, page_size: int = 100) -> AsyncIterator[UnreadMessage]:
        """Unread messages: every item (`UnreadMessage`), newest first, each page fetched when the loop needs it.

        The list shrinks as items leave it (a message that is read) and grows at the top as items arrive. Each item in
        it from the start of the walk to its end is returned exactly once, and none twice: a page that repeats what an
        earlier one brought is dropped, and when the list's `total` has shrunk since the page before, the walk steps
        back as many places. An item that leaves or arrives during the walk may come (once) or not. This holds as long
        as what arrives sorts above what the walk has passed, as a new message does; one that shares its instant with
        messages already passed (a sandbox whose clock stands still) sorts among them by id.

        Args:
            page_size: items per request, 1..100 (default 100).

        Arguments are checked at once, before any request. Keys: a number's own key, or a tenant key with
        `whatsapp_number_id` naming the number (else `TenantScopeNotAllowedError`).
        """
        return walk_async(self._client, UNREAD_PAGES, page_size=page_size)

    async def group(
        self,
        *,
        start_date: datetime.datetime | str | None = None,
        end_date: datetime.datetime | str | None = None,
        page: int = 1,
        page_size: int = 30,
    ) -> AsyncNumberedPage[GroupMessage]:
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

        Returns one page (`NumberedPage`): its items, `total`, `page`, `page_size`, `total_pages`, and
        `get_next_page()`, which asks for the next number. The list is newest first and numbered anew at each request,
        so what arrives or leaves between two requests shifts the pages (an item comes twice, or not at all):
        `iter_group()` walks every page without that loss. The date bounds are aware datetimes or ISO 8601 strings with
        a zone, both inclusive.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).
        """
        return await fetch_async_page(
            self._client, GROUP_PAGES, page=page, page_size=page_size, start_date=start_date, end_date=end_date
        )

    def iter_group(
        self,
        *,
        start_date: datetime.datetime | str | None = None,
        end_date: datetime.datetime | str | None = None,
        page_size: int = 100,
    ) -> AsyncIterator[GroupMessage]:
        """Group messages: every item (`GroupMessage`), newest first, each page fetched when the loop needs it.

        Each item in [`start_date`, `end_date`] is returned exactly once, however many arrive during the walk: the
        window ends at the newest item of the first page (on the server's clock, not this one's), each later page is
        asked for up to that instant, and what a page repeats of an earlier one is dropped. An item that arrives during
        the walk is left out, unless it shares the instant of that newest item: then it may come (once).

        Args:
            start_date: Start of the date range (filters by createdAt), inclusive (inclusive is inferred: the
                documentation does not say). A value that is no date, or a startDate after the endDate, is 400
                INVALID_DATE_RANGE.
            end_date: End of the date range (filters by createdAt), inclusive (inclusive is inferred: the documentation
                does not say). A value that is no date, or a startDate after the endDate, is 400 INVALID_DATE_RANGE.
            page_size: items per request, 1..100 (default 100).

        The date bounds are aware datetimes or ISO 8601 strings with a zone, both inclusive. Arguments are checked at
        once, before any request. Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number
        (else `TenantScopeNotAllowedError`).
        """
        return walk_async(self._client, GROUP_PAGES, page_size=page_size, start_date=start_date, end_date=end_date)
