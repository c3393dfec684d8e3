from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CancelMessagesRequest")

_KNOWN_KEYS = frozenset(("messageIds",))
""" The JSON keys CancelMessagesRequest declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class CancelMessagesRequest:
    """The body of Cancel scheduled messages."""

    message_ids: list[str] | str
    """ Ids of scheduled messages to cancel. An array of 1 to 100 ids, as the official Python SDK sends it. The
    published block types it as a string, whose example is the JSON text of such an array: a string is accepted too,
    read as that JSON text (a string that is not one names one id: inferred). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message_ids: list[str] | str
        if isinstance(self.message_ids, list):
            message_ids = self.message_ids

        else:
            message_ids = self.message_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "messageIds": message_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        message_ids: Any = src_dict["messageIds"]
        if isinstance(message_ids, list):
            try:
                message_ids_type_0 = cast(list[str], message_ids)
                message_ids = message_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass  # kept as it came, as the union's other types take it

        cancel_messages_request = cls(
            message_ids,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            cancel_messages_request.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return cancel_messages_request

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
