from typing import Literal

ConversationType = Literal["DIRECT", "GROUP", "NEWSLETTER"]

CONVERSATION_TYPE_VALUES: set[ConversationType] = {
    "DIRECT",
    "GROUP",
    "NEWSLETTER",
}


def check_conversation_type(value: str) -> ConversationType:
    if value in CONVERSATION_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONVERSATION_TYPE_VALUES!r}")
