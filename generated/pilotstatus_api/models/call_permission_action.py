from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.call_permission_action_name import CallPermissionActionName
from ..types import UNSET, Unset

T = TypeVar("T", bound="CallPermissionAction")

_KNOWN_KEYS = frozenset(
    (
        "action_name",
        "can_perform_action",
        "limits",
    )
)
""" The JSON keys CallPermissionAction declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class CallPermissionAction:
    """Whether an action may be performed now, and its limits."""

    action_name: CallPermissionActionName | str
    can_perform_action: bool | None = None
    limits: list[CallPermissionLimit] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action_name: str
        if isinstance(self.action_name, str):
            action_name = self.action_name
        else:
            action_name = self.action_name

        can_perform_action: bool | Unset = UNSET if self.can_perform_action is None else self.can_perform_action

        _limits: list[CallPermissionLimit] | Unset = UNSET if self.limits is None else self.limits
        limits: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(_limits, Unset):
            limits = []
            for limits_item_data in _limits:
                limits_item = limits_item_data.to_dict()
                limits.append(limits_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action_name": action_name,
            }
        )
        if can_perform_action is not UNSET:
            field_dict["can_perform_action"] = can_perform_action
        if limits is not UNSET:
            field_dict["limits"] = limits

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        action_name = src_dict["action_name"]

        can_perform_action = get_("can_perform_action")

        limits = get_("limits", UNSET)
        limits = (
            None
            if isinstance(limits, Unset)
            else [CallPermissionLimit.from_dict(limits_item_data) for limits_item_data in limits]
        )

        call_permission_action = cls(
            action_name,
            can_perform_action,
            limits,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            call_permission_action.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return call_permission_action

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


from ..models.call_permission_limit import CallPermissionLimit
