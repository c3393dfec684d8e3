from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CallPermission")

_KNOWN_KEYS = frozenset(
    (
        "permission",
        "actions",
    )
)
""" The JSON keys CallPermission declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class CallPermission:
    """What Get call permission returns, in Meta's shape: the permission and the per-action limits. Open: fields Meta adds
    later are kept.

    """

    permission: CallPermissionState
    """ Whether the business may call the user now. """
    actions: list[CallPermissionAction] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        permission = self.permission.to_dict()

        _actions: list[CallPermissionAction] | Unset = UNSET if self.actions is None else self.actions
        actions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(_actions, Unset):
            actions = []
            for actions_item_data in _actions:
                actions_item = actions_item_data.to_dict()
                actions.append(actions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "permission": permission,
            }
        )
        if actions is not UNSET:
            field_dict["actions"] = actions

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        permission = CallPermissionState.from_dict(src_dict["permission"])

        actions = get_("actions", UNSET)
        actions = (
            None
            if isinstance(actions, Unset)
            else [CallPermissionAction.from_dict(actions_item_data) for actions_item_data in actions]
        )

        call_permission = cls(
            permission,
            actions,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            call_permission.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return call_permission

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


from ..models.call_permission_action import CallPermissionAction
from ..models.call_permission_state import CallPermissionState
