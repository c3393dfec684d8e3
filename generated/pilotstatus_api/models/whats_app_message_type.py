from typing import Literal

WhatsAppMessageType = Literal[
    "audio", "contacts", "document", "image", "location", "reaction", "sticker", "text", "video"
]

WHATS_APP_MESSAGE_TYPE_VALUES: set[WhatsAppMessageType] = {
    "audio",
    "contacts",
    "document",
    "image",
    "location",
    "reaction",
    "sticker",
    "text",
    "video",
}


def check_whats_app_message_type(value: str) -> WhatsAppMessageType:
    if value in WHATS_APP_MESSAGE_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WHATS_APP_MESSAGE_TYPE_VALUES!r}")
