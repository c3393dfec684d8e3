from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="InteractiveList")

_KNOWN_KEYS = frozenset(
    (
        "buttonText",
        "sections",
    )
)
""" The JSON keys InteractiveList declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class InteractiveList:
    """A single-select interactive list: `text` is its body, `buttonText` opens the sections."""

    button_text: str | None = None
    sections: list[ListSection] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        button_text: str | Unset = UNSET if self.button_text is None else self.button_text

        _sections: list[ListSection] | Unset = UNSET if self.sections is None else self.sections
        sections: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(_sections, Unset):
            sections = []
            for sections_item_data in _sections:
                sections_item = sections_item_data.to_dict()
                sections.append(sections_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if button_text is not UNSET:
            field_dict["buttonText"] = button_text
        if sections is not UNSET:
            field_dict["sections"] = sections

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        button_text = get_("buttonText")

        sections = get_("sections", UNSET)
        sections = (
            None
            if isinstance(sections, Unset)
            else [ListSection.from_dict(sections_item_data) for sections_item_data in sections]
        )

        interactive_list = cls(
            button_text,
            sections,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            interactive_list.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return interactive_list

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


from ..models.list_section import ListSection
