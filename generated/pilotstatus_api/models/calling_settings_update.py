from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.calling_settings_update_call_icon_visibility import (
    CallingSettingsUpdateCallIconVisibility,
    check_calling_settings_update_call_icon_visibility,
)
from ..models.calling_settings_update_callback_permission_status import (
    CallingSettingsUpdateCallbackPermissionStatus,
    check_calling_settings_update_callback_permission_status,
)
from ..models.calling_settings_update_status import CallingSettingsUpdateStatus, check_calling_settings_update_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="CallingSettingsUpdate")

_KNOWN_KEYS = frozenset(
    (
        "status",
        "call_icon_visibility",
        "callback_permission_status",
        "call_hours",
        "voicemail",
    )
)
""" The JSON keys CallingSettingsUpdate declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class CallingSettingsUpdate:
    """The body of Update calling settings: a PARTIAL update, only the keys given change. `call_hours` replaces the stored
    object entirely. `sip` is rejected.

    """

    status: CallingSettingsUpdateStatus | None = None
    """ Enable/disable calling on the number. Stricter than upstream (our assumption): only Meta's values are sent.
    """
    call_icon_visibility: CallingSettingsUpdateCallIconVisibility | None = None
    """ Visibility of the call icon in the user's WhatsApp. Stricter than upstream (our assumption): only Meta's
    values are sent. """
    callback_permission_status: CallingSettingsUpdateCallbackPermissionStatus | None = None
    """ Lets the user ask the business to call back. Stricter than upstream (our assumption): only Meta's values are
    sent. """
    call_hours: CallHours | None = None
    """ When users may call (Meta's `call_hours`). `status` DISABLED means open 24/7. An update replaces the stored
    object entirely (Meta semantics); Meta requires `timezone_id` and `weekly_operating_hours` when it is ENABLED.
    Open: fields Meta adds later are kept. """
    voicemail: Voicemail | None = None
    """ The number's voicemail settings, accepted by Update calling settings. Its shape is not documented: an open
    object, every field kept. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        _status: CallingSettingsUpdateStatus | Unset = UNSET if self.status is None else self.status
        status: str | Unset = UNSET
        if not isinstance(_status, Unset):
            status = _status

        _call_icon_visibility: CallingSettingsUpdateCallIconVisibility | Unset = (
            UNSET if self.call_icon_visibility is None else self.call_icon_visibility
        )
        call_icon_visibility: str | Unset = UNSET
        if not isinstance(_call_icon_visibility, Unset):
            call_icon_visibility = _call_icon_visibility

        _callback_permission_status: CallingSettingsUpdateCallbackPermissionStatus | Unset = (
            UNSET if self.callback_permission_status is None else self.callback_permission_status
        )
        callback_permission_status: str | Unset = UNSET
        if not isinstance(_callback_permission_status, Unset):
            callback_permission_status = _callback_permission_status

        _call_hours: CallHours | Unset = UNSET if self.call_hours is None else self.call_hours
        call_hours: dict[str, Any] | Unset = UNSET
        if not isinstance(_call_hours, Unset):
            call_hours = _call_hours.to_dict()

        _voicemail: Voicemail | Unset = UNSET if self.voicemail is None else self.voicemail
        voicemail: dict[str, Any] | Unset = UNSET
        if not isinstance(_voicemail, Unset):
            voicemail = _voicemail.to_dict()

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

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        status = get_("status", UNSET)
        status = None if isinstance(status, Unset) else check_calling_settings_update_status(status)

        call_icon_visibility = get_("call_icon_visibility", UNSET)
        call_icon_visibility = (
            None
            if isinstance(call_icon_visibility, Unset)
            else check_calling_settings_update_call_icon_visibility(call_icon_visibility)
        )

        callback_permission_status = get_("callback_permission_status", UNSET)
        callback_permission_status = (
            None
            if isinstance(callback_permission_status, Unset)
            else check_calling_settings_update_callback_permission_status(callback_permission_status)
        )

        call_hours = get_("call_hours", UNSET)
        call_hours = None if isinstance(call_hours, Unset) else CallHours.from_dict(call_hours)

        voicemail = get_("voicemail", UNSET)
        voicemail = None if isinstance(voicemail, Unset) else Voicemail.from_dict(voicemail)

        calling_settings_update = cls(
            status,
            call_icon_visibility,
            callback_permission_status,
            call_hours,
            voicemail,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            calling_settings_update.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return calling_settings_update

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
from ..models.voicemail import Voicemail
