from typing import Literal

ButtonType = Literal["call", "copy", "reply", "url"]

BUTTON_TYPE_VALUES: set[ButtonType] = {
    "call",
    "copy",
    "reply",
    "url",
}


def check_button_type(value: str) -> ButtonType:
    if value in BUTTON_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BUTTON_TYPE_VALUES!r}")
