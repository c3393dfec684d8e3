"""The Messages resource, `client.messages`: generated (`_generated/messages.py`), with `send()` and `cancel()`
written by hand (`_handwritten/messages.py`)."""

from ._generated.messages import RETRIEVE, AsyncMessages, Messages
from ._handwritten.messages import CANCEL, SEND, Instant, SentMessage

__all__ = ["CANCEL", "RETRIEVE", "SEND", "AsyncMessages", "Instant", "Messages", "SentMessage"]
