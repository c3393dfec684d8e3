from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.call_permission_action import CallPermissionAction
    from ..models.call_permission_state import CallPermissionState


T = TypeVar("T", bound="CallPermission")


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
        from ..models.call_permission_action import CallPermissionAction
        from ..models.call_permission_state import CallPermissionState

        d = dict(src_dict)
        permission = CallPermissionState.from_dict(d.pop("permission"))

        _actions = d.pop("actions", UNSET)
        actions: list[CallPermissionAction] | Unset = UNSET
        if _actions is not UNSET:
            actions = []
            for actions_item_data in _actions:
                actions_item = CallPermissionAction.from_dict(actions_item_data)

                actions.append(actions_item)

        call_permission = cls(
            permission,
            None if isinstance(actions, Unset) else actions,
        )

        call_permission.additional_properties = d
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
