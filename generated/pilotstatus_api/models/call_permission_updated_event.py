from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.call_permission_event_status import CallPermissionEventStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CallPermissionUpdatedEvent")


@_attrs_define
class CallPermissionUpdatedEvent:
    """The body of the call.permission_updated webhook (Meta numbers only): the user answered a call permission request.
    Flat, without a `data` wrapper (unlike the `message.*` and `number.*` events, which arrive as `{event, data}`):
    documented on the Calls pages. The event, its `status` values and that `callId` and `direction` are null are
    documented; the rest of the field list is inferred from the official Python SDK (`pilot-status` 1.15.0). Required
    are only `event`, `status` and `timestamp`. Fields the server adds later are kept, not rejected.

    """

    event: Literal["call.permission_updated"]
    status: CallPermissionEventStatus | str
    timestamp: datetime.datetime
    """ When the user answered (ISO 8601, UTC). Inferred from the official Python SDK (`pilot-status` 1.15.0). """
    call_id: str | None = None
    """ Null: a permission belongs to no call (documented). """
    direction: str | None = None
    """ Null: a permission belongs to no call (documented). """
    from_: str | None = None
    """ The user who answered: digits, country code first, without `+`. Inferred from the official Python SDK
    (`pilot-status` 1.15.0). """
    to: str | None = None
    """ The business number asked: digits, without `+`. Inferred from the official Python SDK (`pilot-status`
    1.15.0). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _explicit_nulls: frozenset[str] = _attrs_field(init=False, factory=frozenset, repr=False, eq=False)
    """ The keys of the optional nullable fields that from_dict() read as null, so that to_dict() writes them back as
    null. Any other optional field that is None is left out of to_dict(). """

    def to_dict(self) -> dict[str, Any]:
        event = self.event

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        timestamp = self.timestamp.isoformat()

        _call_id: None | str | Unset = (
            UNSET if self.call_id is None and "callId" not in self._explicit_nulls else self.call_id
        )
        call_id: None | str | Unset
        if isinstance(_call_id, Unset):
            call_id = UNSET
        else:
            call_id = _call_id

        _direction: None | str | Unset = (
            UNSET if self.direction is None and "direction" not in self._explicit_nulls else self.direction
        )
        direction: None | str | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        else:
            direction = _direction

        _from_: None | str | Unset = UNSET if self.from_ is None and "from" not in self._explicit_nulls else self.from_
        from_: None | str | Unset
        if isinstance(_from_, Unset):
            from_ = UNSET
        else:
            from_ = _from_

        _to: None | str | Unset = UNSET if self.to is None and "to" not in self._explicit_nulls else self.to
        to: None | str | Unset
        if isinstance(_to, Unset):
            to = UNSET
        else:
            to = _to

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event": event,
                "status": status,
                "timestamp": timestamp,
            }
        )
        if call_id is not UNSET:
            field_dict["callId"] = call_id
        if direction is not UNSET:
            field_dict["direction"] = direction
        if from_ is not UNSET:
            field_dict["from"] = from_
        if to is not UNSET:
            field_dict["to"] = to

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        event = cast(Literal["call.permission_updated"], d.pop("event"))
        if event != "call.permission_updated":
            raise ValueError(f"event must match const 'call.permission_updated', got '{event}'")

        status = d.pop("status")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        call_id = d.pop("callId", None)

        direction = d.pop("direction", None)

        from_ = d.pop("from", None)

        to = d.pop("to", None)

        call_permission_updated_event = cls(
            event,
            status,
            timestamp,
            call_id,
            direction,
            from_,
            to,
        )
        explicit_nulls: list[str] = []
        if call_id is None and "callId" in src_dict:
            explicit_nulls.append("callId")
        if direction is None and "direction" in src_dict:
            explicit_nulls.append("direction")
        if from_ is None and "from" in src_dict:
            explicit_nulls.append("from")
        if to is None and "to" in src_dict:
            explicit_nulls.append("to")
        if explicit_nulls:
            call_permission_updated_event._explicit_nulls = frozenset(explicit_nulls)

        call_permission_updated_event.additional_properties = d
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
