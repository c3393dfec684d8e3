"""Whether the business may call a user, and asking for it: `calls.permissions` (Meta numbers)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pilotstatus._operations import Operation
from pilotstatus_api.api.calls import get_calls_permissions, post_calls_permissions_request
from pilotstatus_api.models.call_permission import CallPermission
from pilotstatus_api.models.call_permission_request import CallPermissionRequest
from pilotstatus_api.models.call_permission_request_sent import CallPermissionRequestSent

if TYPE_CHECKING:
    from pilotstatus._client import AsyncPilotStatus, PilotStatus

__all__ = ["AsyncCallPermissions", "CallPermissions"]

RETRIEVE = Operation(get_calls_permissions, CallPermission.from_dict)
REQUEST = Operation(post_calls_permissions_request, CallPermissionRequestSent.from_dict)


class CallPermissions:
    """`GET /v1/calls/permissions` and `POST /v1/calls/permissions/request`. On a Meta number, a business-initiated
    call needs the user's permission first; web numbers have no permission step (`FeatureNotSupportedError`)."""

    def __init__(self, client: PilotStatus) -> None:
        self._client = client

    def retrieve(self, *, to: str) -> CallPermission:
        """Whether the business may call `to` now (`permission.status`: `no_permission`, `temporary` or
        `permanent`), and the limits of each action (`actions`)."""
        return self._client._call(RETRIEVE, query={"to": to})

    def request(self, *, to: str, text: str | None = None) -> CallPermissionRequestSent:
        """Send `to` the interactive message asking for permission to call (inside the 24-hour service window),
        with `text` as the reason shown. The answer arrives as the `call.permission_updated` webhook event. Meta
        limits these requests: beyond them, `CallPermissionRequestLimitError`. Sent once, never retried once it
        may have reached the server."""
        return self._client._call(REQUEST, body=CallPermissionRequest(to=to, text=text))


class AsyncCallPermissions:
    """The async twin of `CallPermissions`."""

    def __init__(self, client: AsyncPilotStatus) -> None:
        self._client = client

    async def retrieve(self, *, to: str) -> CallPermission:
        """Whether the business may call `to` now; see `CallPermissions.retrieve()`."""
        return await self._client._call(RETRIEVE, query={"to": to})

    async def request(self, *, to: str, text: str | None = None) -> CallPermissionRequestSent:
        """Ask `to` for permission to call; see `CallPermissions.request()`."""
        return await self._client._call(REQUEST, body=CallPermissionRequest(to=to, text=text))
