from typing import Literal

FlowAction = Literal["data_exchange", "navigate"]

FLOW_ACTION_VALUES: set[FlowAction] = {
    "data_exchange",
    "navigate",
}


def check_flow_action(value: str) -> FlowAction:
    if value in FLOW_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLOW_ACTION_VALUES!r}")
