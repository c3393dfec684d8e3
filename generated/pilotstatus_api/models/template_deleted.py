from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TemplateDeleted")

_KNOWN_KEYS = frozenset(
    (
        "deleted",
        "id",
    )
)
""" The JSON keys TemplateDeleted declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class TemplateDeleted:
    """What Delete template returns."""

    deleted: bool
    """ Always true: the template is gone. """
    id: str
    """ The id of the template deleted. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        deleted = self.deleted

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "deleted": deleted,
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        deleted = src_dict["deleted"]

        id = src_dict["id"]

        template_deleted = cls(
            deleted,
            id,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            template_deleted.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return template_deleted

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
