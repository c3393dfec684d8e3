from typing import Literal

MessageEventName = Literal[
    "message.delivered",
    "message.failed",
    "message.group",
    "message.newsletter",
    "message.read",
    "message.received",
    "message.reply",
    "message.sent",
]

MESSAGE_EVENT_NAME_VALUES: set[MessageEventName] = {
    "message.delivered",
    "message.failed",
    "message.group",
    "message.newsletter",
    "message.read",
    "message.received",
    "message.reply",
    "message.sent",
}


def check_message_event_name(value: str) -> MessageEventName:
    if value in MESSAGE_EVENT_NAME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MESSAGE_EVENT_NAME_VALUES!r}")
