from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.call_permission_event_status import CallPermissionEventStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CallPermissionUpdatedEvent")

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
    )
)
""" The JSON keys CallPermissionUpdatedEvent declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class CallPermissionUpdatedEvent:
    """The body of the call.permission_updated webhook (Meta numbers only): the user answered a call permission request.
    Flat, without a `data` wrapper (unlike the `message.*` and `number.*` events, which arrive as `{event, data}`):
    documented on the Calls pages. The event, its `status` values and that `callId` and `direction` are null are
    documented; the rest of the field list is inferred from the official Python SDK (`pilot-status` 1.15.0). Required:
    `event`, `status` and `timestamp`, and `callId`, `direction`, `from` and `to`, which the official Python SDK
    declares required but nullable; `externalCallId` is optional and nullable, as it declares it. Fields the server adds
    later are kept, not rejected.

    """

    event: Literal["call.permission_updated"]
    call_id: None | str
    """ Null: a permission belongs to no call (documented). Required but nullable, as the official Python SDK
    (`pilot-status` 1.15.0) declares it. """
    direction: None | str
    """ Null: a permission belongs to no call (documented). Required but nullable, as the official Python SDK
    (`pilot-status` 1.15.0) declares it. """
    status: CallPermissionEventStatus | str
    from_: None | str
    """ The user who answered: digits, country code first, without `+`. Inferred from the official Python SDK
    (`pilot-status` 1.15.0), which declares it required but nullable. """
    to: None | str
    """ The business number asked: digits, without `+`. Inferred from the official Python SDK (`pilot-status`
    1.15.0), which declares it required but nullable. """
    timestamp: datetime.datetime
    """ When the user answered (ISO 8601, UTC). Inferred from the official Python SDK (`pilot-status` 1.15.0). """
    external_call_id: str | None = None
    """ The provider's call id: optional and nullable, as the official Python SDK (`pilot-status` 1.15.0) declares
    it on every call event. A permission belongs to no call, so none is expected. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _explicit_nulls: frozenset[str] = _attrs_field(init=False, factory=frozenset, repr=False, eq=False)
    """ The keys of the optional nullable fields that from_dict() read as null, so that to_dict() writes them back as
    null. Any other optional field that is None is left out of to_dict(). """

    def to_dict(self) -> dict[str, Any]:
        event = self.event

        call_id: None | str
        call_id = self.call_id

        direction: None | str
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

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        event = cast(Literal["call.permission_updated"], src_dict["event"])
        if event != "call.permission_updated":
            raise ValueError(f"event must match const 'call.permission_updated', got '{event}'")

        call_id = src_dict["callId"]

        direction = src_dict["direction"]

        status = src_dict["status"]

        from_ = src_dict["from"]

        to = src_dict["to"]

        timestamp = datetime.datetime.fromisoformat(src_dict["timestamp"])

        external_call_id = get_("externalCallId")

        call_permission_updated_event = cls(
            event,
            call_id,
            direction,
            status,
            from_,
            to,
            timestamp,
            external_call_id,
        )
        explicit_nulls: list[str] = []
        if external_call_id is None and "externalCallId" in src_dict:
            explicit_nulls.append("externalCallId")
        if explicit_nulls:
            call_permission_updated_event._explicit_nulls = frozenset(explicit_nulls)

        if not _KNOWN_KEYS.issuperset(src_dict):
            call_permission_updated_event.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return call_permission_updated_event

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
