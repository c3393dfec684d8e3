from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MediaDownload")

_KNOWN_KEYS = frozenset(
    (
        "base64",
        "mimeType",
        "fileName",
        "mediaId",
    )
)
""" The JSON keys MediaDownload declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class MediaDownload:
    """A downloaded media: its bytes as a data URI, and what it is. Media of Meta Cloud API numbers only (other numbers'
    media arrive as URLs).

    """

    base64: str
    """ The media as a data URI: `data:<mimeType>;base64,` then its bytes in base64. """
    mime_type: str
    file_name: None | str
    """ Its file name, when Meta gives one. """
    media_id: str
    """ The Meta media id asked for. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base64 = self.base64

        mime_type = self.mime_type

        file_name: None | str
        file_name = self.file_name

        media_id = self.media_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "base64": base64,
                "mimeType": mime_type,
                "fileName": file_name,
                "mediaId": media_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        base64 = src_dict["base64"]

        mime_type = src_dict["mimeType"]

        file_name = src_dict["fileName"]

        media_id = src_dict["mediaId"]

        media_download = cls(
            base64,
            mime_type,
            file_name,
            media_id,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            media_download.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return media_download

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
