from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.call_permission_status import CallPermissionStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CallPermissionState")

_KNOWN_KEYS = frozenset(
    (
        "status",
        "expiration_time",
    )
)
""" The JSON keys CallPermissionState declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class CallPermissionState:
    """Whether the business may call the user now."""

    status: CallPermissionStatus | str
    expiration_time: int | None = None
    """ When a temporary permission expires, in Unix seconds. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        expiration_time: int | Unset = UNSET if self.expiration_time is None else self.expiration_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if expiration_time is not UNSET:
            field_dict["expiration_time"] = expiration_time

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        status = src_dict["status"]

        expiration_time = get_("expiration_time")

        call_permission_state = cls(
            status,
            expiration_time,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            call_permission_state.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return call_permission_state

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
