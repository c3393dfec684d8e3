from typing import Literal

MessageMediaType = Literal["audio", "document", "image", "sticker", "video", "voice"]

MESSAGE_MEDIA_TYPE_VALUES: set[MessageMediaType] = {
    "audio",
    "document",
    "image",
    "sticker",
    "video",
    "voice",
}


def check_message_media_type(value: str) -> MessageMediaType:
    if value in MESSAGE_MEDIA_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MESSAGE_MEDIA_TYPE_VALUES!r}")
