"""The calling settings, `client.calls.settings`: generated (`_generated/call_settings.py`), with `update()` written
by hand (`_handwritten/call_settings.py`). Exported here under the names it has always had."""

from ._generated.call_settings import RETRIEVE, AsyncCallSettings, CallSettings
from ._handwritten.call_settings import UPDATE

__all__ = ["RETRIEVE", "UPDATE", "AsyncCallSettings", "CallSettings"]
