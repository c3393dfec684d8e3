from typing import Literal

CallPermissionEventStatus = Literal["NO_PERMISSION", "PERMANENT", "TEMPORARY"]

CALL_PERMISSION_EVENT_STATUS_VALUES: set[CallPermissionEventStatus] = {
    "NO_PERMISSION",
    "PERMANENT",
    "TEMPORARY",
}


def check_call_permission_event_status(value: str) -> CallPermissionEventStatus:
    if value in CALL_PERMISSION_EVENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CALL_PERMISSION_EVENT_STATUS_VALUES!r}")
