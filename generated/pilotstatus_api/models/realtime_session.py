from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RealtimeSession")

_KNOWN_KEYS = frozenset(
    (
        "wsUrl",
        "token",
        "expiresInSeconds",
    )
)
""" The JSON keys RealtimeSession declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class RealtimeSession:
    """A short-lived full-duplex media session on an active web call: connect a plain WebSocket to `wsUrl` and exchange raw
    binary PCM16 little-endian audio frames. The token is single-use and lasts about 2 minutes; the sample rate is not
    documented.

    """

    ws_url: str
    """ The WebSocket address, token included. """
    token: str
    """ The session's single-use token (also in `wsUrl`). """
    expires_in_seconds: int
    """ Seconds until the token expires. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ws_url = self.ws_url

        token = self.token

        expires_in_seconds = self.expires_in_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "wsUrl": ws_url,
                "token": token,
                "expiresInSeconds": expires_in_seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        ws_url = src_dict["wsUrl"]

        token = src_dict["token"]

        expires_in_seconds = src_dict["expiresInSeconds"]

        realtime_session = cls(
            ws_url,
            token,
            expires_in_seconds,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            realtime_session.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return realtime_session

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
