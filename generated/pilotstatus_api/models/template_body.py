from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TemplateBody")

_KNOWN_KEYS = frozenset(("text",))
""" The JSON keys TemplateBody declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class TemplateBody:
    """A template's body: its main text, required. A variable is a name between double braces, `{{nome}}` (named style:
    letters, digits and `_`; the sandbox reads that pattern, which the documentation shows without stating it).

    """

    text: str
    """ Up to 1024 characters, with variables written `{{nome}}`; it must not start or end with a variable. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        text = src_dict["text"]

        template_body = cls(
            text,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            template_body.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return template_body

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
