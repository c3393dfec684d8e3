from typing import Literal

MessageStatus = Literal["CANCELED", "DELIVERED", "FAILED", "QUEUED", "READ", "SENT"]

MESSAGE_STATUS_VALUES: set[MessageStatus] = {
    "CANCELED",
    "DELIVERED",
    "FAILED",
    "QUEUED",
    "READ",
    "SENT",
}


def check_message_status(value: str) -> MessageStatus:
    if value in MESSAGE_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MESSAGE_STATUS_VALUES!r}")
