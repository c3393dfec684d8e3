"""Written by tools/generate.py from openapi.json; do not edit.

`calls.settings`: the resource's generated methods, sync and async.
"""

from __future__ import annotations

from pilotstatus._operations import Operation
from pilotstatus.resources._handwritten.call_settings import AsyncCallSettingsMixin, CallSettingsMixin
from pilotstatus_api.api.calls import get_calls_settings
from pilotstatus_api.models.calling_settings import CallingSettings
from pilotstatus_api.models.calling_settings_envelope import CallingSettingsEnvelope

__all__ = ["AsyncCallSettings", "CallSettings"]

RETRIEVE = Operation(get_calls_settings, lambda body: CallingSettingsEnvelope.from_dict(body).calling)


class CallSettings(CallSettingsMixin):
    """`calls.settings`: `retrieve()`, `update()`.

    Written by hand (`resources/_handwritten/call_settings.py`): `update()`.
    """

    def retrieve(self) -> CallingSettings:
        """Get calling settings.

        Returns the number's calling object (status, call_icon_visibility, callback_permission_status, call_hours, ...)
        exactly as Meta exposes it. SIP credentials are never requested nor returned.

        **Requires a number-scoped key.**

        What Meta returns beyond the fields the spec knows is kept in the model's `additional_properties`.

        Returns the `calling` object of the response body.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Served on Meta Cloud API numbers; any other kind of number raises `FeatureNotSupportedError`.
        """
        return self._call(RETRIEVE)


class AsyncCallSettings(AsyncCallSettingsMixin):
    """`calls.settings`: `retrieve()`, `update()`.

    Written by hand (`resources/_handwritten/call_settings.py`): `update()`.

    The async twin of `CallSettings`: the same methods, awaited.
    """

    async def retrieve(self) -> CallingSettings:
        """Get calling settings.

        Returns the number's calling object (status, call_icon_visibility, callback_permission_status, call_hours, ...)
        exactly as Meta exposes it. SIP credentials are never requested nor returned.

        **Requires a number-scoped key.**

        What Meta returns beyond the fields the spec knows is kept in the model's `additional_properties`.

        Returns the `calling` object of the response body.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Served on Meta Cloud API numbers; any other kind of number raises `FeatureNotSupportedError`.
        """
        return await self._call(RETRIEVE)
