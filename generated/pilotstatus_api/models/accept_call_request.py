from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.accept_call_request_sdp_type import AcceptCallRequestSdpType, check_accept_call_request_sdp_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="AcceptCallRequest")

_KNOWN_KEYS = frozenset(
    (
        "sdp",
        "sdpType",
    )
)
""" The JSON keys AcceptCallRequest declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class AcceptCallRequest:
    """The body of Accept call. Meta numbers: `sdp`, the business-side SDP answer. Web numbers: no SDP (the official Python
    SDK sends `{}`).

    """

    sdp: str | None = None
    """ Meta numbers: the SDP answer (RFC 8866) from your WebRTC client. Web numbers: omit it. """
    sdp_type: AcceptCallRequestSdpType | None = None
    """ Always `answer` (the default). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sdp: str | Unset = UNSET if self.sdp is None else self.sdp

        _sdp_type: AcceptCallRequestSdpType | Unset = UNSET if self.sdp_type is None else self.sdp_type
        sdp_type: str | Unset = UNSET
        if not isinstance(_sdp_type, Unset):
            sdp_type = _sdp_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if sdp is not UNSET:
            field_dict["sdp"] = sdp
        if sdp_type is not UNSET:
            field_dict["sdpType"] = sdp_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        sdp = get_("sdp")

        sdp_type = get_("sdpType", UNSET)
        sdp_type = None if isinstance(sdp_type, Unset) else check_accept_call_request_sdp_type(sdp_type)

        accept_call_request = cls(
            sdp,
            sdp_type,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            accept_call_request.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return accept_call_request

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
