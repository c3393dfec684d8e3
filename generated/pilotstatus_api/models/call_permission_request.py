from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CallPermissionRequest")

_KNOWN_KEYS = frozenset(
    (
        "to",
        "text",
    )
)
""" The JSON keys CallPermissionRequest declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class CallPermissionRequest:
    """The body of Request call permission."""

    to: str
    """ User phone number. Stricter than upstream (our assumption): digits with an optional leading `+`, 7 to 15
    digits. """
    text: str | None = None
    """ Reason shown on the request (optional). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        to = self.to

        text: str | Unset = UNSET if self.text is None else self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "to": to,
            }
        )
        if text is not UNSET:
            field_dict["text"] = text

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        to = src_dict["to"]

        text = get_("text")

        call_permission_request = cls(
            to,
            text,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            call_permission_request.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return call_permission_request

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
