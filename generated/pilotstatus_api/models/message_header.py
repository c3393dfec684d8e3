from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.message_header_type import MessageHeaderType, check_message_header_type

T = TypeVar("T", bound="MessageHeader")

_KNOWN_KEYS = frozenset(
    (
        "type",
        "content",
    )
)
""" The JSON keys MessageHeader declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class MessageHeader:
    """The header of a free-form message: a text, or the URL of an image, a video or a document. The official Python SDK
    types it `{type, content}` (one of its tests sends `text` instead of `content`: the type wins).

    """

    type_: MessageHeaderType
    content: str
    """ The text, or the media's URL. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        content = self.content

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "content": content,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        type_ = check_message_header_type(src_dict["type"])

        content = src_dict["content"]

        message_header = cls(
            type_,
            content,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            message_header.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return message_header

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
