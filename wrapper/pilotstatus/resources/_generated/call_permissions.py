"""Written by tools/generate.py from openapi.json; do not edit.

`calls.permissions`: the resource's generated methods, sync and async.
"""

from __future__ import annotations

from pilotstatus._operations import Operation
from pilotstatus._resource import AsyncAPIResource, SyncAPIResource
from pilotstatus_api.api.calls import get_calls_permissions, post_calls_permissions_request
from pilotstatus_api.models.call_permission import CallPermission
from pilotstatus_api.models.call_permission_request import CallPermissionRequest
from pilotstatus_api.models.call_permission_request_sent import CallPermissionRequestSent

__all__ = ["AsyncCallPermissions", "CallPermissions"]

RETRIEVE = Operation(get_calls_permissions, CallPermission.from_dict)
REQUEST = Operation(post_calls_permissions_request, CallPermissionRequestSent.from_dict)


class CallPermissions(SyncAPIResource):
    """`calls.permissions`: `request()`, `retrieve()`."""

    def retrieve(self, *, to: str) -> CallPermission:
        """Get call permission.

        Probes whether the business may call ?to=<phone>: permission status (no_permission | temporary | permanent, with
        expiration_time) plus per-action limits (send_call_permission_request / start_call). Required before a BIC.

        **Requires a number-scoped key.**

        Args:
            to: User phone to probe.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Served on Meta Cloud API numbers; any other kind of number raises `FeatureNotSupportedError`.
        """
        return self._call(RETRIEVE, query={"to": to})

    def request(self, *, to: str, text: str | None = None) -> CallPermissionRequestSent:
        """Request call permission.

        Sends the interactive call_permission_request message to the user (valid inside the 24h service window). Body: {
        to, text? }. The user's answer arrives as the call.permission_updated webhook event. Meta limits apply (138009 →
        META_CALL_PERMISSION_REQUEST_LIMIT).

        **Requires a number-scoped key.**

        Beyond Meta's limits on these requests: `CallPermissionRequestLimitError`.

        Args:
            to: User phone number. Stricter than upstream (our assumption): digits with an optional leading `+`, 7 to 15
                digits.
            text: Reason shown on the request (optional).

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Served on Meta Cloud API numbers; any other kind of number raises `FeatureNotSupportedError`.

        Sent once: not sent again once it may have reached the server (only after a 429, or a connection that never
        opened).
        """
        return self._call(REQUEST, body=CallPermissionRequest(to=to, text=text))


class AsyncCallPermissions(AsyncAPIResource):
    """`calls.permissions`: `request()`, `retrieve()`.

    The async twin of `CallPermissions`: the same methods, awaited.
    """

    async def retrieve(self, *, to: str) -> CallPermission:
        """Get call permission.

        Probes whether the business may call ?to=<phone>: permission status (no_permission | temporary | permanent, with
        expiration_time) plus per-action limits (send_call_permission_request / start_call). Required before a BIC.

        **Requires a number-scoped key.**

        Args:
            to: User phone to probe.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Served on Meta Cloud API numbers; any other kind of number raises `FeatureNotSupportedError`.
        """
        return await self._call(RETRIEVE, query={"to": to})

    async def request(self, *, to: str, text: str | None = None) -> CallPermissionRequestSent:
        """Request call permission.

        Sends the interactive call_permission_request message to the user (valid inside the 24h service window). Body: {
        to, text? }. The user's answer arrives as the call.permission_updated webhook event. Meta limits apply (138009 →
        META_CALL_PERMISSION_REQUEST_LIMIT).

        **Requires a number-scoped key.**

        Beyond Meta's limits on these requests: `CallPermissionRequestLimitError`.

        Args:
            to: User phone number. Stricter than upstream (our assumption): digits with an optional leading `+`, 7 to 15
                digits.
            text: Reason shown on the request (optional).

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Served on Meta Cloud API numbers; any other kind of number raises `FeatureNotSupportedError`.

        Sent once: not sent again once it may have reached the server (only after a 429, or a connection that never
        opened).
        """
        return await self._call(REQUEST, body=CallPermissionRequest(to=to, text=text))
