from typing import Literal

CallPermissionStatus = Literal["no_permission", "permanent", "temporary"]

CALL_PERMISSION_STATUS_VALUES: set[CallPermissionStatus] = {
    "no_permission",
    "permanent",
    "temporary",
}


def check_call_permission_status(value: str) -> CallPermissionStatus:
    if value in CALL_PERMISSION_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CALL_PERMISSION_STATUS_VALUES!r}")
