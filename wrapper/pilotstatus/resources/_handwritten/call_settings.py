"""The hand-written method of `calls.settings`: `update(...)`, a partial update whose body holds only the settings
given, each taken as a generated model or as the API's JSON object.

The generated `CallSettings` and `AsyncCallSettings` (`resources/_generated/call_settings.py`) extend these classes;
`retrieve()` is generated.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pilotstatus._exceptions import InvalidInputError
from pilotstatus._operations import Operation
from pilotstatus._resource import AsyncAPIResource, SyncAPIResource
from pilotstatus._validation import check_body_field
from pilotstatus.resources._models import as_model
from pilotstatus_api.api.calls import put_calls_settings
from pilotstatus_api.models.call_hours import CallHours
from pilotstatus_api.models.calling_settings_update import CallingSettingsUpdate
from pilotstatus_api.models.calling_settings_update_call_icon_visibility import (
    CallingSettingsUpdateCallIconVisibility,
)
from pilotstatus_api.models.calling_settings_update_callback_permission_status import (
    CallingSettingsUpdateCallbackPermissionStatus,
)
from pilotstatus_api.models.calling_settings_update_status import CallingSettingsUpdateStatus
from pilotstatus_api.models.calling_settings_updated import CallingSettingsUpdated
from pilotstatus_api.models.voicemail import Voicemail

__all__ = ["UPDATE", "AsyncCallSettingsMixin", "CallSettingsMixin"]

UPDATE = Operation(put_calls_settings, CallingSettingsUpdated.from_dict)


def _update_body(
    status: CallingSettingsUpdateStatus | None,
    call_icon_visibility: CallingSettingsUpdateCallIconVisibility | None,
    callback_permission_status: CallingSettingsUpdateCallbackPermissionStatus | None,
    call_hours: CallHours | Mapping[str, Any] | None,
    voicemail: Voicemail | Mapping[str, Any] | None,
) -> CallingSettingsUpdate:
    """The body of a partial update: only the settings given (not None) are sent."""
    for field, value in (("call_hours", call_hours), ("voicemail", voicemail)):
        if isinstance(value, Mapping):  # the API's JSON: checked as such, so that a failure names the field inside
            check_body_field(UPDATE.name, field, value)
    body = CallingSettingsUpdate(
        status=status,
        call_icon_visibility=call_icon_visibility,
        callback_permission_status=callback_permission_status,
        call_hours=as_model(CallHours, call_hours, "call_hours"),
        voicemail=as_model(Voicemail, voicemail, "voicemail"),
    )
    if not body.to_dict():
        raise InvalidInputError(
            "settings.update() was given no setting to change: pass status=, call_icon_visibility=,"
            " callback_permission_status=, call_hours= or voicemail=."
        )
    return body


class CallSettingsMixin(SyncAPIResource):
    """`calls.settings.update()`, of `CallSettings`. Meta numbers only (a web number gets
    `FeatureNotSupportedError`)."""

    def update(
        self,
        *,
        status: CallingSettingsUpdateStatus | None = None,
        call_icon_visibility: CallingSettingsUpdateCallIconVisibility | None = None,
        callback_permission_status: CallingSettingsUpdateCallbackPermissionStatus | None = None,
        call_hours: CallHours | Mapping[str, Any] | None = None,
        voicemail: Voicemail | Mapping[str, Any] | None = None,
    ) -> CallingSettingsUpdated:
        """Change the settings given, and only those (a partial update).

        Args:
            status: `ENABLED` or `DISABLED`: calling on the number.
            call_icon_visibility: `DEFAULT` (the call icon shows) or `DISABLE_ALL`.
            callback_permission_status: `ENABLED` or `DISABLED`: whether users may ask to be called back.
            call_hours: a `CallHours` or its JSON (`{"status": "ENABLED", "timezone_id": ..., ...}`). It REPLACES
                the stored hours entirely (Meta's rule): holidays left out are deleted.
            voicemail: the voicemail settings, as Meta takes them.

        Sent once: a PUT is never retried once it may have reached the server.
        """
        body = _update_body(status, call_icon_visibility, callback_permission_status, call_hours, voicemail)
        return self._call(UPDATE, body=body)


class AsyncCallSettingsMixin(AsyncAPIResource):
    """`calls.settings.update()`, of `AsyncCallSettings`: the same, awaited."""

    async def update(
        self,
        *,
        status: CallingSettingsUpdateStatus | None = None,
        call_icon_visibility: CallingSettingsUpdateCallIconVisibility | None = None,
        callback_permission_status: CallingSettingsUpdateCallbackPermissionStatus | None = None,
        call_hours: CallHours | Mapping[str, Any] | None = None,
        voicemail: Voicemail | Mapping[str, Any] | None = None,
    ) -> CallingSettingsUpdated:
        """Change the settings given, and only those; see `CallSettings.update()`."""
        body = _update_body(status, call_icon_visibility, callback_permission_status, call_hours, voicemail)
        return await self._call(UPDATE, body=body)
