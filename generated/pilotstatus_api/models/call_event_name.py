from typing import Literal

CallEventName = Literal["call.connected", "call.ended", "call.missed", "call.ringing"]

CALL_EVENT_NAME_VALUES: set[CallEventName] = {
    "call.connected",
    "call.ended",
    "call.missed",
    "call.ringing",
}


def check_call_event_name(value: str) -> CallEventName:
    if value in CALL_EVENT_NAME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CALL_EVENT_NAME_VALUES!r}")
