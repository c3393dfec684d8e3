from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ChatMessageMedia")

_KNOWN_KEYS = frozenset(
    (
        "provider",
        "id",
        "url",
        "mimeType",
        "fileName",
    )
)
""" The JSON keys ChatMessageMedia declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class ChatMessageMedia:
    """The media of a message of the history. On a Meta number `id` is the Meta media id, which Download media takes (with
    the number's phoneNumberId); other numbers' media arrive as a `url`.

    """

    provider: str
    """ Where the media is: META, EVO or EVO_GO (an open set). """
    id: None | str
    """ The Meta media id; null on other numbers. """
    url: None | str
    mime_type: None | str
    file_name: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        provider = self.provider

        id: None | str
        id = self.id

        url: None | str
        url = self.url

        mime_type: None | str
        mime_type = self.mime_type

        file_name: None | str
        file_name = self.file_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "provider": provider,
                "id": id,
                "url": url,
                "mimeType": mime_type,
                "fileName": file_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        provider = src_dict["provider"]

        id = src_dict["id"]

        url = src_dict["url"]

        mime_type = src_dict["mimeType"]

        file_name = src_dict["fileName"]

        chat_message_media = cls(
            provider,
            id,
            url,
            mime_type,
            file_name,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            chat_message_media.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return chat_message_media

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
