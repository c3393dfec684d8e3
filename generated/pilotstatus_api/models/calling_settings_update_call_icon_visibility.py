from typing import Literal

CallingSettingsUpdateCallIconVisibility = Literal["DEFAULT", "DISABLE_ALL"]

CALLING_SETTINGS_UPDATE_CALL_ICON_VISIBILITY_VALUES: set[CallingSettingsUpdateCallIconVisibility] = {
    "DEFAULT",
    "DISABLE_ALL",
}


def check_calling_settings_update_call_icon_visibility(value: str) -> CallingSettingsUpdateCallIconVisibility:
    if value in CALLING_SETTINGS_UPDATE_CALL_ICON_VISIBILITY_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CALLING_SETTINGS_UPDATE_CALL_ICON_VISIBILITY_VALUES!r}"
    )
