"""The Calls resource, `client.calls`: generated (`_generated/calls.py`), with `list()` and `iter()` written by hand
(`_handwritten/calls.py`). Exported here under the name it has always had."""

from ._generated.calls import RETRIEVE, AsyncCalls, Calls
from ._handwritten.calls import Before, Until

__all__ = ["RETRIEVE", "AsyncCalls", "Before", "Calls", "Until"]
