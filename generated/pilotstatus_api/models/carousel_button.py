from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.carousel_button_type import CarouselButtonType, check_carousel_button_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="CarouselButton")

_KNOWN_KEYS = frozenset(
    (
        "type",
        "text",
        "url",
        "payload",
    )
)
""" The JSON keys CarouselButton declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class CarouselButton:
    """A button of a carousel card."""

    type_: CarouselButtonType | None = None
    text: str | None = None
    url: str | None = None
    payload: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        _type_: CarouselButtonType | Unset = UNSET if self.type_ is None else self.type_
        type_: str | Unset = UNSET
        if not isinstance(_type_, Unset):
            type_ = _type_

        text: str | Unset = UNSET if self.text is None else self.text

        url: str | Unset = UNSET if self.url is None else self.url

        payload: str | Unset = UNSET if self.payload is None else self.payload

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if text is not UNSET:
            field_dict["text"] = text
        if url is not UNSET:
            field_dict["url"] = url
        if payload is not UNSET:
            field_dict["payload"] = payload

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        type_ = get_("type", UNSET)
        type_ = None if isinstance(type_, Unset) else check_carousel_button_type(type_)

        text = get_("text")

        url = get_("url")

        payload = get_("payload")

        carousel_button = cls(
            type_,
            text,
            url,
            payload,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            carousel_button.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return carousel_button

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
