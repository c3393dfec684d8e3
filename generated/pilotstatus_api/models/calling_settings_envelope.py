from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CallingSettingsEnvelope")

_KNOWN_KEYS = frozenset(("calling",))
""" The JSON keys CallingSettingsEnvelope declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class CallingSettingsEnvelope:
    """What Get calling settings returns: the `calling` object."""

    calling: CallingSettings
    """ The number's `calling` object exactly as Meta exposes it (status, call_icon_visibility,
    callback_permission_status, call_hours, ...). Open: the fields Meta adds (`call_icons`, `audio`, `restrictions`,
    ...) are kept. SIP credentials are never returned. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        calling = self.calling.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "calling": calling,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        calling = CallingSettings.from_dict(src_dict["calling"])

        calling_settings_envelope = cls(
            calling,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            calling_settings_envelope.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return calling_settings_envelope

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


from ..models.calling_settings import CallingSettings
