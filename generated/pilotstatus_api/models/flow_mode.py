from typing import Literal

FlowMode = Literal["draft", "published"]

FLOW_MODE_VALUES: set[FlowMode] = {
    "draft",
    "published",
}


def check_flow_mode(value: str) -> FlowMode:
    if value in FLOW_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLOW_MODE_VALUES!r}")
