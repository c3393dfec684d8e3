from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PlayAudioRequest")

_KNOWN_KEYS = frozenset(("mediaUrl",))
""" The JSON keys PlayAudioRequest declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class PlayAudioRequest:
    """The body of Play audio into call."""

    media_url: str
    """ A public http(s) URL of an .mp3, .wav or .opus file. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        media_url = self.media_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mediaUrl": media_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        media_url = src_dict["mediaUrl"]

        play_audio_request = cls(
            media_url,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            play_audio_request.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return play_audio_request

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
