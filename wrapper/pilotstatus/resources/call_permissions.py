"""The call permissions, `client.calls.permissions`: generated (`_generated/call_permissions.py`). Exported here
under the name it has always had."""

from ._generated.call_permissions import RETRIEVE, AsyncCallPermissions, CallPermissions

__all__ = ["RETRIEVE", "AsyncCallPermissions", "CallPermissions"]
