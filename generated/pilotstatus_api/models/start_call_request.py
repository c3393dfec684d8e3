from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.start_call_request_sdp_type import StartCallRequestSdpType, check_start_call_request_sdp_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="StartCallRequest")

_KNOWN_KEYS = frozenset(
    (
        "to",
        "sdp",
        "sdpType",
        "bizOpaqueCallbackData",
    )
)
""" The JSON keys StartCallRequest declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class StartCallRequest:
    """The body of Start call."""

    to: str
    """ The user's phone number (E.164). Stricter than upstream (our assumption): digits with an optional leading
    `+`, 7 to 15 digits. """
    sdp: str | None = None
    """ Meta numbers: REQUIRED, the RFC 8866 offer from your WebRTC client (the business side must use
    `a=setup:active`). Web numbers: omit it. """
    sdp_type: StartCallRequestSdpType | None = None
    """ Always `offer` (the default). """
    biz_opaque_callback_data: str | None = None
    """ Opaque data echoed back on the terminate event. Stricter than upstream (our assumption): at most 512
    characters, Meta's limit for `biz_opaque_callback_data` (per Meta's changelog); upstream states no limit. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        to = self.to

        sdp: str | Unset = UNSET if self.sdp is None else self.sdp

        _sdp_type: StartCallRequestSdpType | Unset = UNSET if self.sdp_type is None else self.sdp_type
        sdp_type: str | Unset = UNSET
        if not isinstance(_sdp_type, Unset):
            sdp_type = _sdp_type

        biz_opaque_callback_data: str | Unset = (
            UNSET if self.biz_opaque_callback_data is None else self.biz_opaque_callback_data
        )

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "to": to,
            }
        )
        if sdp is not UNSET:
            field_dict["sdp"] = sdp
        if sdp_type is not UNSET:
            field_dict["sdpType"] = sdp_type
        if biz_opaque_callback_data is not UNSET:
            field_dict["bizOpaqueCallbackData"] = biz_opaque_callback_data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        to = src_dict["to"]

        sdp = get_("sdp")

        sdp_type = get_("sdpType", UNSET)
        sdp_type = None if isinstance(sdp_type, Unset) else check_start_call_request_sdp_type(sdp_type)

        biz_opaque_callback_data = get_("bizOpaqueCallbackData")

        start_call_request = cls(
            to,
            sdp,
            sdp_type,
            biz_opaque_callback_data,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            start_call_request.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return start_call_request

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
