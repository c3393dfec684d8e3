from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MarketingOptions")

_KNOWN_KEYS = frozenset(("aiRewriteEnabled",))
""" The JSON keys MarketingOptions declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class MarketingOptions:
    """Options of a marketing send."""

    ai_rewrite_enabled: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ai_rewrite_enabled: bool | Unset = UNSET if self.ai_rewrite_enabled is None else self.ai_rewrite_enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if ai_rewrite_enabled is not UNSET:
            field_dict["aiRewriteEnabled"] = ai_rewrite_enabled

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        ai_rewrite_enabled = get_("aiRewriteEnabled")

        marketing_options = cls(
            ai_rewrite_enabled,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            marketing_options.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return marketing_options

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
