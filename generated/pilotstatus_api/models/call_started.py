from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.call_status import CallStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CallStarted")

_KNOWN_KEYS = frozenset(
    (
        "id",
        "status",
        "externalCallId",
    )
)
""" The JSON keys CallStarted declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class CallStarted:
    """What Start call returns: the new call's ids and its first status (INITIATED)."""

    id: str
    """ Pilot Status call id (`call_...`): the `{callId}` of the other operations. """
    status: CallStatus | str
    external_call_id: str | None = None
    """ The provider's call id (Meta `wacid...`), or null when the provider has not given one yet. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _explicit_nulls: frozenset[str] = _attrs_field(init=False, factory=frozenset, repr=False, eq=False)
    """ The keys of the optional nullable fields that from_dict() read as null, so that to_dict() writes them back as
    null. Any other optional field that is None is left out of to_dict(). """

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

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
                "id": id,
                "status": status,
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
        id = src_dict["id"]

        status = src_dict["status"]

        external_call_id = get_("externalCallId")

        call_started = cls(
            id,
            status,
            external_call_id,
        )
        explicit_nulls: list[str] = []
        if external_call_id is None and "externalCallId" in src_dict:
            explicit_nulls.append("externalCallId")
        if explicit_nulls:
            call_started._explicit_nulls = frozenset(explicit_nulls)

        if not _KNOWN_KEYS.issuperset(src_dict):
            call_started.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return call_started

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
