from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CallPermissionRequestSent")

_KNOWN_KEYS = frozenset(("messageId",))
""" The JSON keys CallPermissionRequestSent declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class CallPermissionRequestSent:
    """What Request call permission returns: the id of the interactive message sent. The user's answer arrives as the
    `call.permission_updated` webhook event.

    """

    message_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message_id = self.message_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "messageId": message_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        message_id = src_dict["messageId"]

        call_permission_request_sent = cls(
            message_id,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            call_permission_request_sent.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return call_permission_request_sent

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
