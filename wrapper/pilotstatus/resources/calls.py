"""The Calls resource, `client.calls`: generated (`_generated/calls.py`), with `list()` and `iter()` written by hand
(`_handwritten/calls.py`). Exported here under the names it has always had."""

from ._generated.calls import (
    ACCEPT,
    CREATE,
    PLAY,
    PRE_ACCEPT,
    REALTIME_SESSION,
    REJECT,
    RETRIEVE,
    TERMINATE,
    AsyncCalls,
    Calls,
)
from ._handwritten.calls import LIST, Before, Until

__all__ = [
    "ACCEPT",
    "CREATE",
    "LIST",
    "PLAY",
    "PRE_ACCEPT",
    "REALTIME_SESSION",
    "REJECT",
    "RETRIEVE",
    "TERMINATE",
    "AsyncCalls",
    "Before",
    "Calls",
    "Until",
]
