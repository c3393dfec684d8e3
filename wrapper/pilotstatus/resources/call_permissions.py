"""The call permissions, `client.calls.permissions`: generated (`_generated/call_permissions.py`). Exported here
under the names it has always had."""

from ._generated.call_permissions import REQUEST, RETRIEVE, AsyncCallPermissions, CallPermissions

__all__ = ["REQUEST", "RETRIEVE", "AsyncCallPermissions", "CallPermissions"]
