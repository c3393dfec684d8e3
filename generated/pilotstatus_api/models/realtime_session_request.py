from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.realtime_session_mode import RealtimeSessionMode, check_realtime_session_mode

T = TypeVar("T", bound="RealtimeSessionRequest")

_KNOWN_KEYS = frozenset(("mode",))
""" The JSON keys RealtimeSessionRequest declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class RealtimeSessionRequest:
    """The body of Realtime media session."""

    mode: RealtimeSessionMode
    """ `talk` sends your audio and receives the peer's; `listen` only receives. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mode: str = self.mode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mode": mode,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        mode = check_realtime_session_mode(src_dict["mode"])

        realtime_session_request = cls(
            mode,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            realtime_session_request.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return realtime_session_request

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
