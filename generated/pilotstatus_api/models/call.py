from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.call_direction import CallDirection, check_call_direction
from ..models.call_status import CallStatus, check_call_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="Call")


@_attrs_define
class Call:
    """One WhatsApp voice call of the key's number, as List calls returns it (never with SDPs).

    Required are the fields every documented call carries, whatever its status: its identity (`id`, `externalCallId`),
    `direction`, `status`, `peerNumber`, and `createdAt`/`updatedAt` (`createdAt` is the pagination cursor). The
    lifecycle fields (`startedAt`, `connectedAt`, `endedAt`, `durationSeconds`) are optional and nullable: the
    documented RINGING call has none of them, an INITIATED or RINGING call has not been answered or ended yet, and a
    call that was never answered (REJECTED, or COMPLETED or FAILED before connecting) has no `connectedAt` or duration.
    Fields the server adds later are kept, not rejected.

    """

    id: str
    """ Pilot Status call id (`call_...`). """
    external_call_id: None | str
    """ The provider's call id: the Meta `wacid...` or the Evolution GO `CallID`. Nullable because the documentation
    does not say that a call has one from the moment it is recorded. """
    direction: CallDirection | str
    status: CallStatus | str
    peer_number: str
    """ The other party's phone number: digits, country code first, without `+`. """
    created_at: datetime.datetime
    """ When Pilot Status recorded the call. Lists are ordered by it, newest first, and `before` compares against
    it. """
    updated_at: datetime.datetime
    """ When the call last changed. """
    duration_seconds: int | None | Unset = UNSET
    """ Seconds from connection to hang-up; null or absent until the call has been answered and ended. """
    started_at: datetime.datetime | None | Unset = UNSET
    """ When the call started ringing. """
    connected_at: datetime.datetime | None | Unset = UNSET
    """ When the call was answered; null or absent for a call never answered. """
    ended_at: datetime.datetime | None | Unset = UNSET
    """ When the call ended; null or absent while it is still ringing or in progress. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        external_call_id: None | str
        external_call_id = self.external_call_id

        direction: str
        if isinstance(self.direction, str):
            direction = self.direction
        else:
            direction = self.direction

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        peer_number = self.peer_number

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        duration_seconds: int | None | Unset
        if isinstance(self.duration_seconds, Unset):
            duration_seconds = UNSET
        else:
            duration_seconds = self.duration_seconds

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        connected_at: None | str | Unset
        if isinstance(self.connected_at, Unset):
            connected_at = UNSET
        elif isinstance(self.connected_at, datetime.datetime):
            connected_at = self.connected_at.isoformat()
        else:
            connected_at = self.connected_at

        ended_at: None | str | Unset
        if isinstance(self.ended_at, Unset):
            ended_at = UNSET
        elif isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "externalCallId": external_call_id,
                "direction": direction,
                "status": status,
                "peerNumber": peer_number,
                "createdAt": created_at,
                "updatedAt": updated_at,
            }
        )
        if duration_seconds is not UNSET:
            field_dict["durationSeconds"] = duration_seconds
        if started_at is not UNSET:
            field_dict["startedAt"] = started_at
        if connected_at is not UNSET:
            field_dict["connectedAt"] = connected_at
        if ended_at is not UNSET:
            field_dict["endedAt"] = ended_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_external_call_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_call_id = _parse_external_call_id(d.pop("externalCallId"))

        def _parse_direction(data: object) -> CallDirection | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                direction_type_0 = check_call_direction(data)

                return direction_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CallDirection | str, data)

        direction = _parse_direction(d.pop("direction"))

        def _parse_status(data: object) -> CallStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = check_call_status(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CallStatus | str, data)

        status = _parse_status(d.pop("status"))

        peer_number = d.pop("peerNumber")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        def _parse_duration_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_seconds = _parse_duration_seconds(d.pop("durationSeconds", UNSET))

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("startedAt", UNSET))

        def _parse_connected_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                connected_at_type_0 = datetime.datetime.fromisoformat(data)

                return connected_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        connected_at = _parse_connected_at(d.pop("connectedAt", UNSET))

        def _parse_ended_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ended_at = _parse_ended_at(d.pop("endedAt", UNSET))

        call = cls(
            id=id,
            external_call_id=external_call_id,
            direction=direction,
            status=status,
            peer_number=peer_number,
            created_at=created_at,
            updated_at=updated_at,
            duration_seconds=duration_seconds,
            started_at=started_at,
            connected_at=connected_at,
            ended_at=ended_at,
        )

        call.additional_properties = d
        return call

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
