from typing import Literal

CallingSettingsUpdateCallbackPermissionStatus = Literal["DISABLED", "ENABLED"]

CALLING_SETTINGS_UPDATE_CALLBACK_PERMISSION_STATUS_VALUES: set[CallingSettingsUpdateCallbackPermissionStatus] = {
    "DISABLED",
    "ENABLED",
}


def check_calling_settings_update_callback_permission_status(
    value: str,
) -> CallingSettingsUpdateCallbackPermissionStatus:
    if value in CALLING_SETTINGS_UPDATE_CALLBACK_PERMISSION_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CALLING_SETTINGS_UPDATE_CALLBACK_PERMISSION_STATUS_VALUES!r}"
    )
