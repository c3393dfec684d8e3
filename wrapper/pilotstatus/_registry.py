"""Written by tools/generate.py from openapi.json; do not edit.

The resources of the clients (`client.calls`, ...): each created, and its module loaded, on first use, so
that `import pilotstatus` loads none of them.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ._resource import AsyncClient, SyncClient

if TYPE_CHECKING:
    from .resources._generated.analytics import Analytics, AsyncAnalytics
    from .resources._generated.calls import AsyncCalls, Calls
    from .resources._generated.conversations import AsyncConversations, Conversations
    from .resources._generated.media import AsyncMedia, Media
    from .resources._generated.messages import AsyncMessages, Messages
    from .resources._generated.templates import AsyncTemplates, Templates

__all__ = ["AsyncResources", "SyncResources"]


class SyncResources(SyncClient):
    """The resources of `PilotStatus`."""

    @functools.cached_property
    def calls(self) -> Calls:
        """WhatsApp voice calls on Meta Cloud API (META) and Pilot Status web (EVO_GO) numbers. `calls`: `accept()`,
        `create()`, `iter()`, `list()`, `play()`, `pre_accept()`, `realtime_session()`, `reject()`, `retrieve()`,
        `terminate()`; `calls.settings`, `calls.permissions`.
        """
        from .resources._generated.calls import Calls

        return Calls(self)

    @functools.cached_property
    def messages(self) -> Messages:
        """WhatsApp messages sent from the key's number: send one (free-form text, a template, media, an interactive
        list, carousel or Flow), follow it by id, cancel scheduled ones, read the number's history. `messages`:
        `cancel()`, `group()`, `history()`, `iter_group()`, `iter_history()`, `iter_unread()`, `retrieve()`, `send()`,
        `unread()`.
        """
        from .resources._generated.messages import Messages

        return Messages(self)

    @functools.cached_property
    def conversations(self) -> Conversations:
        """What the number's chats hold: its conversations, and the messages of its history, unread and in groups,
        newest first, page by page. `conversations`: `iter()`, `list()`.
        """
        from .resources._generated.conversations import Conversations

        return Conversations(self)

    @functools.cached_property
    def media(self) -> Media:
        """The media users send to a Meta Cloud API number, downloaded by their Meta media id. `media`: `download()`."""
        from .resources._generated.media import Media

        return Media(self)

    @functools.cached_property
    def analytics(self) -> Analytics:
        """The number's sending metrics: totals, their change, and a series a day. `analytics`: `dashboard()`."""
        from .resources._generated.analytics import Analytics

        return Analytics(self)

    @functools.cached_property
    def templates(self) -> Templates:
        """Message templates of the number, by id or name: sendable once Meta approves them on a Meta Cloud API number,
        at once on others. `templates`: `create()`, `delete()`, `list()`, `retrieve()`, `update()`.
        """
        from .resources._generated.templates import Templates

        return Templates(self)


class AsyncResources(AsyncClient):
    """The resources of `AsyncPilotStatus`."""

    @functools.cached_property
    def calls(self) -> AsyncCalls:
        """WhatsApp voice calls on Meta Cloud API (META) and Pilot Status web (EVO_GO) numbers. `calls`: `accept()`,
        `create()`, `iter()`, `list()`, `play()`, `pre_accept()`, `realtime_session()`, `reject()`, `retrieve()`,
        `terminate()`; `calls.settings`, `calls.permissions`.
        """
        from .resources._generated.calls import AsyncCalls

        return AsyncCalls(self)

    @functools.cached_property
    def messages(self) -> AsyncMessages:
        """WhatsApp messages sent from the key's number: send one (free-form text, a template, media, an interactive
        list, carousel or Flow), follow it by id, cancel scheduled ones, read the number's history. `messages`:
        `cancel()`, `group()`, `history()`, `iter_group()`, `iter_history()`, `iter_unread()`, `retrieve()`, `send()`,
        `unread()`.
        """
        from .resources._generated.messages import AsyncMessages

        return AsyncMessages(self)

    @functools.cached_property
    def conversations(self) -> AsyncConversations:
        """What the number's chats hold: its conversations, and the messages of its history, unread and in groups,
        newest first, page by page. `conversations`: `iter()`, `list()`.
        """
        from .resources._generated.conversations import AsyncConversations

        return AsyncConversations(self)

    @functools.cached_property
    def media(self) -> AsyncMedia:
        """The media users send to a Meta Cloud API number, downloaded by their Meta media id. `media`: `download()`."""
        from .resources._generated.media import AsyncMedia

        return AsyncMedia(self)

    @functools.cached_property
    def analytics(self) -> AsyncAnalytics:
        """The number's sending metrics: totals, their change, and a series a day. `analytics`: `dashboard()`."""
        from .resources._generated.analytics import AsyncAnalytics

        return AsyncAnalytics(self)

    @functools.cached_property
    def templates(self) -> AsyncTemplates:
        """Message templates of the number, by id or name: sendable once Meta approves them on a Meta Cloud API number,
        at once on others. `templates`: `create()`, `delete()`, `list()`, `retrieve()`, `update()`.
        """
        from .resources._generated.templates import AsyncTemplates

        return AsyncTemplates(self)
