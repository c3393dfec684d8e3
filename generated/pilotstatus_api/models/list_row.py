from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ListRow")

_KNOWN_KEYS = frozenset(
    (
        "title",
        "description",
        "rowId",
    )
)
""" The JSON keys ListRow declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class ListRow:
    """A row of an interactive list: what the user picks."""

    title: str | None = None
    description: str | None = None
    row_id: str | None = None
    """ Sent back in the user's reply. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title: str | Unset = UNSET if self.title is None else self.title

        description: str | Unset = UNSET if self.description is None else self.description

        row_id: str | Unset = UNSET if self.row_id is None else self.row_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if row_id is not UNSET:
            field_dict["rowId"] = row_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        title = get_("title")

        description = get_("description")

        row_id = get_("rowId")

        list_row = cls(
            title,
            description,
            row_id,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            list_row.additional_properties = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        return list_row

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
