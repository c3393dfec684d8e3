from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.call_icon_visibility import CallIconVisibility
from ..models.calling_feature_status import CallingFeatureStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CallingSettings")

_KNOWN_KEYS = frozenset(
    (
        "status",
        "call_icon_visibility",
        "callback_permission_status",
        "call_hours",
        "voicemail",
        "sip",
    )
)
""" The JSON keys CallingSettings declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class CallingSettings:
    """The number's `calling` object exactly as Meta exposes it (status, call_icon_visibility, callback_permission_status,
    call_hours, ...). Open: the fields Meta adds (`call_icons`, `audio`, `restrictions`, ...) are kept. SIP credentials
    are never returned.

    """

    status: CallingFeatureStatus | str | None = None
    """ Whether calling is enabled on the number. """
    call_icon_visibility: CallIconVisibility | str | None = None
    callback_permission_status: CallingFeatureStatus | str | None = None
    """ Whether users may ask the business to call back. """
    call_hours: CallHours | None = None
    """ When users may call (Meta's `call_hours`). `status` DISABLED means open 24/7. An update replaces the stored
    object entirely (Meta semantics); Meta requires `timezone_id` and `weekly_operating_hours` when it is ENABLED.
    Open: fields Meta adds later are kept. """
    voicemail: Voicemail | None = None
    """ The number's voicemail settings, accepted by Update calling settings. Its shape is not documented: an open
    object, every field kept. """
    sip: SipSettings | None = None
    """ Meta's SIP settings (`{status}`), never with credentials; refused by Update calling settings. Its shape is
    not documented: an open object, every field kept. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        _status: CallingFeatureStatus | str | Unset = UNSET if self.status is None else self.status
        status: str | Unset
        if isinstance(_status, Unset):
            status = UNSET
        elif isinstance(_status, str):
            status = _status
        else:
            status = _status

        _call_icon_visibility: CallIconVisibility | str | Unset = (
            UNSET if self.call_icon_visibility is None else self.call_icon_visibility
        )
        call_icon_visibility: str | Unset
        if isinstance(_call_icon_visibility, Unset):
            call_icon_visibility = UNSET
        elif isinstance(_call_icon_visibility, str):
            call_icon_visibility = _call_icon_visibility
        else:
            call_icon_visibility = _call_icon_visibility

        _callback_permission_status: CallingFeatureStatus | str | Unset = (
            UNSET if self.callback_permission_status is None else self.callback_permission_status
        )
        callback_permission_status: str | Unset
        if isinstance(_callback_permission_status, Unset):
            callback_permission_status = UNSET
        elif isinstance(_callback_permission_status, str):
            callback_permission_status = _callback_permission_status
        else:
            callback_permission_status = _callback_permission_status

        _call_hours: CallHours | Unset = UNSET if self.call_hours is None else self.call_hours
        call_hours: dict[str, Any] | Unset = UNSET
        if not isinstance(_call_hours, Unset):
            call_hours = _call_hours.to_dict()

        _voicemail: Voicemail | Unset = UNSET if self.voicemail is None else self.voicemail
        voicemail: dict[str, Any] | Unset = UNSET
        if not isinstance(_voicemail, Unset):
            voicemail = _voicemail.to_dict()

        _sip: SipSettings | Unset = UNSET if self.sip is None else self.sip
        sip: dict[str, Any] | Unset = UNSET
        if not isinstance(_sip, Unset):
            sip = _sip.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if call_icon_visibility is not UNSET:
            field_dict["call_icon_visibility"] = call_icon_visibility
        if callback_permission_status is not UNSET:
            field_dict["callback_permission_status"] = callback_permission_status
        if call_hours is not UNSET:
            field_dict["call_hours"] = call_hours
        if voicemail is not UNSET:
            field_dict["voicemail"] = voicemail
        if sip is not UNSET:
            field_dict["sip"] = sip

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        status = get_("status")

        call_icon_visibility = get_("call_icon_visibility")

        callback_permission_status = get_("callback_permission_status")

        call_hours = get_("call_hours", UNSET)
        call_hours = None if isinstance(call_hours, Unset) else CallHours.from_dict(call_hours)

        voicemail = get_("voicemail", UNSET)
        voicemail = None if isinstance(voicemail, Unset) else Voicemail.from_dict(voicemail)

        sip = get_("sip", UNSET)
        sip = None if isinstance(sip, Unset) else SipSettings.from_dict(sip)

        calling_settings = cls(
            status,
            call_icon_visibility,
            callback_permission_status,
            call_hours,
            voicemail,
            sip,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            calling_settings.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return calling_settings

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


from ..models.call_hours import CallHours
from ..models.sip_settings import SipSettings
from ..models.voicemail import Voicemail
