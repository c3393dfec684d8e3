from typing import Literal

CallStatus = Literal["ACCEPTED", "COMPLETED", "FAILED", "INITIATED", "MISSED", "REJECTED", "RINGING"]

CALL_STATUS_VALUES: set[CallStatus] = {
    "ACCEPTED",
    "COMPLETED",
    "FAILED",
    "INITIATED",
    "MISSED",
    "REJECTED",
    "RINGING",
}


def check_call_status(value: str) -> CallStatus:
    if value in CALL_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CALL_STATUS_VALUES!r}")
