from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.call_direction import CallDirection
from ..models.call_event_name import CallEventName
from ..models.call_status import CallStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CallEvent")

_KNOWN_KEYS = frozenset(
    (
        "event",
        "callId",
        "direction",
        "status",
        "from",
        "to",
        "timestamp",
        "externalCallId",
        "duration",
        "bizOpaqueCallbackData",
    )
)
""" The JSON keys CallEvent declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class CallEvent:
    """The body of a call webhook (call.ringing, call.connected, call.ended, call.missed), signed with `x-pilot-status-
    signature`. Flat, without a `data` wrapper (unlike the `message.*` and `number.*` events, which arrive as `{event,
    data}`): documented on the Calls pages. The event names, which `status` each carries, `duration` on call.ended and
    the echo of `bizOpaqueCallbackData` are documented; the field list itself is not (the documentation pages say so):
    it is inferred from the official Python SDK (`pilot-status` 1.15.0), which declares `callId`, `direction`, `from`
    and `to` required but nullable: sent on every event, null when unknown.

    Required: `event`, `status` and `timestamp` (documented), and `callId`, `direction`, `from` and `to` (required by
    the official Python SDK, nullable). Optional: `externalCallId`, `duration` and `bizOpaqueCallbackData`. The same
    events are sent for Meta and web numbers. Web numbers may also receive native Evolution GO events (`{event,
    instance, data}`, PascalCase), and a subscriber of `calls` gets Meta's raw calls envelope: neither is described
    here, and a receiver must not fail on them. Fields the server adds later are kept, not rejected.

    """

    event: CallEventName | str
    call_id: None | str
    """ The Pilot Status call id (`call_...`). Required but nullable, as the official Python SDK (`pilot-status`
    1.15.0) declares it. """
    direction: CallDirection | None | str
    """ INBOUND or OUTBOUND, as on the call. Required but nullable, as the official Python SDK (`pilot-status`
    1.15.0) declares it. """
    status: CallStatus | str
    """ The call's status after the event: RINGING on call.ringing, ACCEPTED on call.connected, COMPLETED, FAILED or
    REJECTED on call.ended, MISSED on call.missed (documented). """
    from_: None | str
    """ Who placed the call: digits, country code first, without `+` (the number's phone on an OUTBOUND call, the
    user's on an INBOUND one). Inferred from the official Python SDK (`pilot-status` 1.15.0), which declares it
    required but nullable. """
    to: None | str
    """ Who was called: digits, country code first, without `+`. Inferred from the official Python SDK (`pilot-
    status` 1.15.0), which declares it required but nullable. """
    timestamp: datetime.datetime
    """ When the event happened (ISO 8601, UTC). Inferred from the official Python SDK (`pilot-status` 1.15.0). """
    external_call_id: str | None = None
    """ The provider's call id (Meta `wacid...`, Evolution GO `CallID`). Optional and nullable, as the official
    Python SDK (`pilot-status` 1.15.0) declares it. """
    duration: int | None = None
    """ How long the call was connected, in seconds: on call.ended, when the call had been answered (documented).
    """
    biz_opaque_callback_data: str | None = None
    """ The `bizOpaqueCallbackData` given to Start call, echoed back on the event that ends the call (documented:
    "echoed back on the terminate event"). Optional. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _explicit_nulls: frozenset[str] = _attrs_field(init=False, factory=frozenset, repr=False, eq=False)
    """ The keys of the optional nullable fields that from_dict() read as null, so that to_dict() writes them back as
    null. Any other optional field that is None is left out of to_dict(). """

    def to_dict(self) -> dict[str, Any]:
        event: str
        if isinstance(self.event, str):
            event = self.event
        else:
            event = self.event

        call_id: None | str
        call_id = self.call_id

        direction: None | str
        if isinstance(self.direction, str):
            direction = self.direction
        else:
            direction = self.direction

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        from_: None | str
        from_ = self.from_

        to: None | str
        to = self.to

        timestamp = self.timestamp.isoformat()

        _external_call_id: None | str | Unset = (
            UNSET
            if self.external_call_id is None and "externalCallId" not in self._explicit_nulls
            else self.external_call_id
        )
        external_call_id: None | str | Unset
        if isinstance(_external_call_id, Unset):
            external_call_id = UNSET
        else:
            external_call_id = _external_call_id

        duration: int | Unset = UNSET if self.duration is None else self.duration

        _biz_opaque_callback_data: None | str | Unset = (
            UNSET
            if self.biz_opaque_callback_data is None and "bizOpaqueCallbackData" not in self._explicit_nulls
            else self.biz_opaque_callback_data
        )
        biz_opaque_callback_data: None | str | Unset
        if isinstance(_biz_opaque_callback_data, Unset):
            biz_opaque_callback_data = UNSET
        else:
            biz_opaque_callback_data = _biz_opaque_callback_data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event": event,
                "callId": call_id,
                "direction": direction,
                "status": status,
                "from": from_,
                "to": to,
                "timestamp": timestamp,
            }
        )
        if external_call_id is not UNSET:
            field_dict["externalCallId"] = external_call_id
        if duration is not UNSET:
            field_dict["duration"] = duration
        if biz_opaque_callback_data is not UNSET:
            field_dict["bizOpaqueCallbackData"] = biz_opaque_callback_data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        event = src_dict["event"]

        call_id = src_dict["callId"]

        direction = src_dict["direction"]

        status = src_dict["status"]

        from_ = src_dict["from"]

        to = src_dict["to"]

        timestamp = datetime.datetime.fromisoformat(src_dict["timestamp"])

        external_call_id = get_("externalCallId")

        duration = get_("duration")

        biz_opaque_callback_data = get_("bizOpaqueCallbackData")

        call_event = cls(
            event,
            call_id,
            direction,
            status,
            from_,
            to,
            timestamp,
            external_call_id,
            duration,
            biz_opaque_callback_data,
        )
        explicit_nulls: list[str] = []
        if external_call_id is None and "externalCallId" in src_dict:
            explicit_nulls.append("externalCallId")
        if biz_opaque_callback_data is None and "bizOpaqueCallbackData" in src_dict:
            explicit_nulls.append("bizOpaqueCallbackData")
        if explicit_nulls:
            call_event._explicit_nulls = frozenset(explicit_nulls)

        if not _KNOWN_KEYS.issuperset(src_dict):
            call_event.additional_properties = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        return call_event

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
