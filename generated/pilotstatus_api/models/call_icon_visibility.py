from typing import Literal

CallIconVisibility = Literal["DEFAULT", "DISABLE_ALL"]

CALL_ICON_VISIBILITY_VALUES: set[CallIconVisibility] = {
    "DEFAULT",
    "DISABLE_ALL",
}


def check_call_icon_visibility(value: str) -> CallIconVisibility:
    if value in CALL_ICON_VISIBILITY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CALL_ICON_VISIBILITY_VALUES!r}")
