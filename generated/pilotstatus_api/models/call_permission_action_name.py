from typing import Literal

CallPermissionActionName = Literal["send_call_permission_request", "start_call"]

CALL_PERMISSION_ACTION_NAME_VALUES: set[CallPermissionActionName] = {
    "send_call_permission_request",
    "start_call",
}


def check_call_permission_action_name(value: str) -> CallPermissionActionName:
    if value in CALL_PERMISSION_ACTION_NAME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CALL_PERMISSION_ACTION_NAME_VALUES!r}")
