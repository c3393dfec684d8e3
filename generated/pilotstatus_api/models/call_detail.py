from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.call_direction import CallDirection
from ..models.call_status import CallStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CallDetail")

_KNOWN_KEYS = frozenset(
    (
        "id",
        "externalCallId",
        "direction",
        "status",
        "createdAt",
        "peerNumber",
        "fromNumber",
        "conversationId",
        "bizOpaqueCallbackData",
        "errorCode",
        "errorMessage",
        "durationSeconds",
        "startedAt",
        "connectedAt",
        "endedAt",
        "updatedAt",
        "sdpOffer",
        "sdpAnswer",
    )
)
""" The JSON keys CallDetail declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class CallDetail:
    """One call as Get call returns it: a `Call`, plus its SDPs when asked for with `includeSdp=1` (always null on web
    numbers, and absent without `includeSdp`).

    """

    id: str
    """ Pilot Status call id (`call_...`). """
    external_call_id: None | str
    """ The provider's call id: the Meta `wacid...` or the Evolution GO `CallID`. Nullable because the documentation
    does not say that a call has one from the moment it is recorded. """
    direction: CallDirection | str
    status: CallStatus | str
    created_at: datetime.datetime
    """ When Pilot Status recorded the call. Lists are ordered by it, newest first, and `before` compares against
    it. """
    peer_number: str | None = None
    """ The other party's phone number: digits, country code first, without `+`. Nullable and optional, as the
    official Python SDK declares it. """
    from_number: str | None = None
    """ The number that placed the call (digits, without `+`). Inferred, not documented upstream: listed by the
    official Python SDK only. """
    conversation_id: str | None = None
    """ The Pilot Status conversation the call belongs to. Inferred, not documented upstream: listed by the official
    Python SDK only. """
    biz_opaque_callback_data: str | None = None
    """ The `bizOpaqueCallbackData` given to Start call, echoed back. Inferred, not documented upstream: on the call
    object it is listed by the official Python SDK only. """
    error_code: str | None = None
    """ Why a FAILED call failed, as a machine-readable code. Inferred, not documented upstream: listed by the
    official Python SDK only. """
    error_message: str | None = None
    """ Why a FAILED call failed, in words. Inferred, not documented upstream: listed by the official Python SDK
    only. """
    duration_seconds: int | None = None
    """ Seconds from connection to hang-up; null or absent until the call has been answered and ended. """
    started_at: datetime.datetime | None = None
    """ When the call started ringing. """
    connected_at: datetime.datetime | None = None
    """ When the call was answered; null or absent for a call never answered. """
    ended_at: datetime.datetime | None = None
    """ When the call ended; null or absent while it is still ringing or in progress. """
    updated_at: datetime.datetime | None = None
    """ When the call last changed. Optional, as the official Python SDK declares it. """
    sdp_offer: str | None = None
    """ The SDP offer (RFC 8866): on an inbound Meta call, the one to answer with `accept`. Only with
    `includeSdp=1`; always null on web numbers. """
    sdp_answer: str | None = None
    """ The SDP answer, once one was given. Only with `includeSdp=1`; always null on web numbers. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _explicit_nulls: frozenset[str] = _attrs_field(init=False, factory=frozenset, repr=False, eq=False)
    """ The keys of the optional nullable fields that from_dict() read as null, so that to_dict() writes them back as
    null. Any other optional field that is None is left out of to_dict(). """

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

        created_at = self.created_at.isoformat()

        _peer_number: None | str | Unset = (
            UNSET if self.peer_number is None and "peerNumber" not in self._explicit_nulls else self.peer_number
        )
        peer_number: None | str | Unset
        if isinstance(_peer_number, Unset):
            peer_number = UNSET
        else:
            peer_number = _peer_number

        _from_number: None | str | Unset = (
            UNSET if self.from_number is None and "fromNumber" not in self._explicit_nulls else self.from_number
        )
        from_number: None | str | Unset
        if isinstance(_from_number, Unset):
            from_number = UNSET
        else:
            from_number = _from_number

        _conversation_id: None | str | Unset = (
            UNSET
            if self.conversation_id is None and "conversationId" not in self._explicit_nulls
            else self.conversation_id
        )
        conversation_id: None | str | Unset
        if isinstance(_conversation_id, Unset):
            conversation_id = UNSET
        else:
            conversation_id = _conversation_id

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

        _error_code: None | str | Unset = (
            UNSET if self.error_code is None and "errorCode" not in self._explicit_nulls else self.error_code
        )
        error_code: None | str | Unset
        if isinstance(_error_code, Unset):
            error_code = UNSET
        else:
            error_code = _error_code

        _error_message: None | str | Unset = (
            UNSET if self.error_message is None and "errorMessage" not in self._explicit_nulls else self.error_message
        )
        error_message: None | str | Unset
        if isinstance(_error_message, Unset):
            error_message = UNSET
        else:
            error_message = _error_message

        _duration_seconds: int | None | Unset = (
            UNSET
            if self.duration_seconds is None and "durationSeconds" not in self._explicit_nulls
            else self.duration_seconds
        )
        duration_seconds: int | None | Unset
        if isinstance(_duration_seconds, Unset):
            duration_seconds = UNSET
        else:
            duration_seconds = _duration_seconds

        _started_at: datetime.datetime | None | Unset = (
            UNSET if self.started_at is None and "startedAt" not in self._explicit_nulls else self.started_at
        )
        started_at: None | str | Unset
        if isinstance(_started_at, Unset):
            started_at = UNSET
        elif isinstance(_started_at, datetime.datetime):
            started_at = _started_at.isoformat()
        else:
            started_at = _started_at

        _connected_at: datetime.datetime | None | Unset = (
            UNSET if self.connected_at is None and "connectedAt" not in self._explicit_nulls else self.connected_at
        )
        connected_at: None | str | Unset
        if isinstance(_connected_at, Unset):
            connected_at = UNSET
        elif isinstance(_connected_at, datetime.datetime):
            connected_at = _connected_at.isoformat()
        else:
            connected_at = _connected_at

        _ended_at: datetime.datetime | None | Unset = (
            UNSET if self.ended_at is None and "endedAt" not in self._explicit_nulls else self.ended_at
        )
        ended_at: None | str | Unset
        if isinstance(_ended_at, Unset):
            ended_at = UNSET
        elif isinstance(_ended_at, datetime.datetime):
            ended_at = _ended_at.isoformat()
        else:
            ended_at = _ended_at

        _updated_at: datetime.datetime | Unset = UNSET if self.updated_at is None else self.updated_at
        updated_at: str | Unset = UNSET
        if not isinstance(_updated_at, Unset):
            updated_at = _updated_at.isoformat()

        _sdp_offer: None | str | Unset = (
            UNSET if self.sdp_offer is None and "sdpOffer" not in self._explicit_nulls else self.sdp_offer
        )
        sdp_offer: None | str | Unset
        if isinstance(_sdp_offer, Unset):
            sdp_offer = UNSET
        else:
            sdp_offer = _sdp_offer

        _sdp_answer: None | str | Unset = (
            UNSET if self.sdp_answer is None and "sdpAnswer" not in self._explicit_nulls else self.sdp_answer
        )
        sdp_answer: None | str | Unset
        if isinstance(_sdp_answer, Unset):
            sdp_answer = UNSET
        else:
            sdp_answer = _sdp_answer

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "externalCallId": external_call_id,
                "direction": direction,
                "status": status,
                "createdAt": created_at,
            }
        )
        if peer_number is not UNSET:
            field_dict["peerNumber"] = peer_number
        if from_number is not UNSET:
            field_dict["fromNumber"] = from_number
        if conversation_id is not UNSET:
            field_dict["conversationId"] = conversation_id
        if biz_opaque_callback_data is not UNSET:
            field_dict["bizOpaqueCallbackData"] = biz_opaque_callback_data
        if error_code is not UNSET:
            field_dict["errorCode"] = error_code
        if error_message is not UNSET:
            field_dict["errorMessage"] = error_message
        if duration_seconds is not UNSET:
            field_dict["durationSeconds"] = duration_seconds
        if started_at is not UNSET:
            field_dict["startedAt"] = started_at
        if connected_at is not UNSET:
            field_dict["connectedAt"] = connected_at
        if ended_at is not UNSET:
            field_dict["endedAt"] = ended_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at
        if sdp_offer is not UNSET:
            field_dict["sdpOffer"] = sdp_offer
        if sdp_answer is not UNSET:
            field_dict["sdpAnswer"] = sdp_answer

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        last_text_: object = None  # the date-time text parsed last, and its value (see templates/from_dict.jinja)
        last_instant_: Any = None
        id = src_dict["id"]

        external_call_id = src_dict["externalCallId"]

        direction = src_dict["direction"]

        status = src_dict["status"]

        created_at: Any = src_dict["createdAt"]
        last_text_ = created_at
        created_at = last_instant_ = datetime.datetime.fromisoformat(created_at)

        peer_number = get_("peerNumber")

        from_number = get_("fromNumber")

        conversation_id = get_("conversationId")

        biz_opaque_callback_data = get_("bizOpaqueCallbackData")

        error_code = get_("errorCode")

        error_message = get_("errorMessage")

        duration_seconds = get_("durationSeconds")

        started_at: Any = get_("startedAt")
        if isinstance(started_at, str):
            if started_at == last_text_:
                started_at = last_instant_
            else:
                try:
                    last_instant_ = datetime.datetime.fromisoformat(started_at)
                    last_text_, started_at = started_at, last_instant_
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass  # kept as it came, as the union's other types take it

        connected_at: Any = get_("connectedAt")
        if isinstance(connected_at, str):
            if connected_at == last_text_:
                connected_at = last_instant_
            else:
                try:
                    last_instant_ = datetime.datetime.fromisoformat(connected_at)
                    last_text_, connected_at = connected_at, last_instant_
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass  # kept as it came, as the union's other types take it

        ended_at: Any = get_("endedAt")
        if isinstance(ended_at, str):
            if ended_at == last_text_:
                ended_at = last_instant_
            else:
                try:
                    last_instant_ = datetime.datetime.fromisoformat(ended_at)
                    last_text_, ended_at = ended_at, last_instant_
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass  # kept as it came, as the union's other types take it

        updated_at: Any = get_("updatedAt", UNSET)
        if isinstance(updated_at, Unset):
            updated_at = None
        elif updated_at == last_text_:
            updated_at = last_instant_
        else:
            last_text_ = updated_at
            updated_at = last_instant_ = datetime.datetime.fromisoformat(updated_at)

        sdp_offer = get_("sdpOffer")

        sdp_answer = get_("sdpAnswer")

        call_detail = cls(
            id,
            external_call_id,
            direction,
            status,
            created_at,
            peer_number,
            from_number,
            conversation_id,
            biz_opaque_callback_data,
            error_code,
            error_message,
            duration_seconds,
            started_at,
            connected_at,
            ended_at,
            updated_at,
            sdp_offer,
            sdp_answer,
        )
        explicit_nulls: list[str] = []
        if peer_number is None and "peerNumber" in src_dict:
            explicit_nulls.append("peerNumber")
        if from_number is None and "fromNumber" in src_dict:
            explicit_nulls.append("fromNumber")
        if conversation_id is None and "conversationId" in src_dict:
            explicit_nulls.append("conversationId")
        if biz_opaque_callback_data is None and "bizOpaqueCallbackData" in src_dict:
            explicit_nulls.append("bizOpaqueCallbackData")
        if error_code is None and "errorCode" in src_dict:
            explicit_nulls.append("errorCode")
        if error_message is None and "errorMessage" in src_dict:
            explicit_nulls.append("errorMessage")
        if duration_seconds is None and "durationSeconds" in src_dict:
            explicit_nulls.append("durationSeconds")
        if started_at is None and "startedAt" in src_dict:
            explicit_nulls.append("startedAt")
        if connected_at is None and "connectedAt" in src_dict:
            explicit_nulls.append("connectedAt")
        if ended_at is None and "endedAt" in src_dict:
            explicit_nulls.append("endedAt")
        if sdp_offer is None and "sdpOffer" in src_dict:
            explicit_nulls.append("sdpOffer")
        if sdp_answer is None and "sdpAnswer" in src_dict:
            explicit_nulls.append("sdpAnswer")
        if explicit_nulls:
            call_detail._explicit_nulls = frozenset(explicit_nulls)

        if not _KNOWN_KEYS.issuperset(src_dict):
            call_detail.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return call_detail

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
