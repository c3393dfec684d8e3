from typing import Literal

CallingSettingsUpdateStatus = Literal["DISABLED", "ENABLED"]

CALLING_SETTINGS_UPDATE_STATUS_VALUES: set[CallingSettingsUpdateStatus] = {
    "DISABLED",
    "ENABLED",
}


def check_calling_settings_update_status(value: str) -> CallingSettingsUpdateStatus:
    if value in CALLING_SETTINGS_UPDATE_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CALLING_SETTINGS_UPDATE_STATUS_VALUES!r}")
