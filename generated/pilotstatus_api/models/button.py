from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.button_type import ButtonType, check_button_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="Button")

_KNOWN_KEYS = frozenset(
    (
        "type",
        "label",
        "url",
        "phoneNumber",
        "copyCode",
    )
)
""" The JSON keys Button declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class Button:
    """A button of a free-form message (the send guide: up to 3, with a header and a footer)."""

    type_: ButtonType
    """ `reply` (a quick reply), `url` (opens `url`), `call` (calls `phoneNumber`), `copy` (copies `copyCode`). """
    label: str
    """ The button's text. """
    url: str | None = None
    """ For `url`: the address it opens. """
    phone_number: str | None = None
    """ For `call`: the number it calls (E.164). """
    copy_code: str | None = None
    """ For `copy`: the code it copies. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        label = self.label

        url: str | Unset = UNSET if self.url is None else self.url

        phone_number: str | Unset = UNSET if self.phone_number is None else self.phone_number

        copy_code: str | Unset = UNSET if self.copy_code is None else self.copy_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "label": label,
            }
        )
        if url is not UNSET:
            field_dict["url"] = url
        if phone_number is not UNSET:
            field_dict["phoneNumber"] = phone_number
        if copy_code is not UNSET:
            field_dict["copyCode"] = copy_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        type_ = check_button_type(src_dict["type"])

        label = src_dict["label"]

        url = get_("url")

        phone_number = get_("phoneNumber")

        copy_code = get_("copyCode")

        button = cls(
            type_,
            label,
            url,
            phone_number,
            copy_code,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            button.additional_properties = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        return button

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
