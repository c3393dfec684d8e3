from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CancelMessagesResult")

_KNOWN_KEYS = frozenset(
    (
        "cancelled",
        "failed",
    )
)
""" The JSON keys CancelMessagesResult declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class CancelMessagesResult:
    """What Cancel answers, as the official Python SDK types it (and the documentation's prose describes it): the ids
    cancelled, and each id that was not with its reason.

    """

    cancelled: list[str]
    failed: list[CancelMessageFailure]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cancelled = self.cancelled

        failed = []
        for failed_item_data in self.failed:
            failed_item = failed_item_data.to_dict()
            failed.append(failed_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cancelled": cancelled,
                "failed": failed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        cancelled = cast(list[str], src_dict["cancelled"])

        failed = [CancelMessageFailure.from_dict(failed_item_data) for failed_item_data in src_dict["failed"]]

        cancel_messages_result = cls(
            cancelled,
            failed,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            cancel_messages_result.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return cancel_messages_result

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


from ..models.cancel_message_failure import CancelMessageFailure
