from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CallList")

_KNOWN_KEYS = frozenset(
    (
        "calls",
        "notice",
    )
)
""" The JSON keys CallList declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class CallList:
    """One page of calls, newest first. There is no next cursor: the next page is asked for with `before`."""

    calls: list[Call]
    notice: str | None = None
    """ Documented for the read endpoints of a number whose PII mode is RELAY_ONLY: the list comes back empty with
    `notice: PII_RELAY_ONLY`. Not shown on the List calls page itself. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        calls = []
        for calls_item_data in self.calls:
            calls_item = calls_item_data.to_dict()
            calls.append(calls_item)

        notice: str | Unset = UNSET if self.notice is None else self.notice

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "calls": calls,
            }
        )
        if notice is not UNSET:
            field_dict["notice"] = notice

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        calls = [Call.from_dict(calls_item_data) for calls_item_data in src_dict["calls"]]

        notice = get_("notice")

        call_list = cls(
            calls,
            notice,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            call_list.additional_properties = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        return call_list

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


from ..models.call import Call
