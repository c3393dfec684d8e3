from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CallPermissionLimit")

_KNOWN_KEYS = frozenset(
    (
        "time_period",
        "max_allowed",
        "current_usage",
        "limit_expiration_time",
    )
)
""" The JSON keys CallPermissionLimit declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class CallPermissionLimit:
    """A limit on an action over a period."""

    time_period: str | None = None
    """ An ISO 8601 duration. """
    max_allowed: int | None = None
    current_usage: int | None = None
    limit_expiration_time: int | None = None
    """ When the limit resets, in Unix seconds; only once it is reached. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        time_period: str | Unset = UNSET if self.time_period is None else self.time_period

        max_allowed: int | Unset = UNSET if self.max_allowed is None else self.max_allowed

        current_usage: int | Unset = UNSET if self.current_usage is None else self.current_usage

        limit_expiration_time: int | Unset = UNSET if self.limit_expiration_time is None else self.limit_expiration_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if time_period is not UNSET:
            field_dict["time_period"] = time_period
        if max_allowed is not UNSET:
            field_dict["max_allowed"] = max_allowed
        if current_usage is not UNSET:
            field_dict["current_usage"] = current_usage
        if limit_expiration_time is not UNSET:
            field_dict["limit_expiration_time"] = limit_expiration_time

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        time_period = get_("time_period")

        max_allowed = get_("max_allowed")

        current_usage = get_("current_usage")

        limit_expiration_time = get_("limit_expiration_time")

        call_permission_limit = cls(
            time_period,
            max_allowed,
            current_usage,
            limit_expiration_time,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            call_permission_limit.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return call_permission_limit

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
