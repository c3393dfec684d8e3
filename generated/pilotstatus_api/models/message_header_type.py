from typing import Literal

MessageHeaderType = Literal["document", "image", "text", "video"]

MESSAGE_HEADER_TYPE_VALUES: set[MessageHeaderType] = {
    "document",
    "image",
    "text",
    "video",
}


def check_message_header_type(value: str) -> MessageHeaderType:
    if value in MESSAGE_HEADER_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MESSAGE_HEADER_TYPE_VALUES!r}")
