from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CancelMessageFailure")

_KNOWN_KEYS = frozenset(
    (
        "id",
        "reason",
    )
)
""" The JSON keys CancelMessageFailure declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class CancelMessageFailure:
    """A message that was not cancelled, and why."""

    id: str
    reason: str
    """ Why, in words (the values are not documented): not found, or no longer scheduled. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        id = src_dict["id"]

        reason = src_dict["reason"]

        cancel_message_failure = cls(
            id,
            reason,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            cancel_message_failure.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return cancel_message_failure

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
