"""Written by tools/generate.py from openapi.json; do not edit.

The resources of the clients (`client.calls`, ...): each created, and its module loaded, on first use, so
that `import pilotstatus` loads none of them.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ._resource import AsyncClient, SyncClient

if TYPE_CHECKING:
    from .resources._generated.calls import AsyncCalls, Calls

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
