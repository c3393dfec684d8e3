from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ListSection")

_KNOWN_KEYS = frozenset(
    (
        "title",
        "rows",
    )
)
""" The JSON keys ListSection declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class ListSection:
    """A section of an interactive list."""

    title: str | None = None
    rows: list[ListRow] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title: str | Unset = UNSET if self.title is None else self.title

        _rows: list[ListRow] | Unset = UNSET if self.rows is None else self.rows
        rows: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(_rows, Unset):
            rows = []
            for rows_item_data in _rows:
                rows_item = rows_item_data.to_dict()
                rows.append(rows_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if rows is not UNSET:
            field_dict["rows"] = rows

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        title = get_("title")

        rows = get_("rows", UNSET)
        rows = None if isinstance(rows, Unset) else [ListRow.from_dict(rows_item_data) for rows_item_data in rows]

        list_section = cls(
            title,
            rows,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            list_section.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return list_section

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


from ..models.list_row import ListRow
