from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="HolidaySchedule")

_KNOWN_KEYS = frozenset(
    (
        "date",
        "start_time",
        "end_time",
    )
)
""" The JSON keys HolidaySchedule declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class HolidaySchedule:
    """A day with other hours (Meta allows up to 20; an update that leaves them out deletes them)."""

    date: datetime.date
    """ YYYY-MM-DD. """
    start_time: str
    """ HHMM, 24-hour clock. """
    end_time: str
    """ HHMM, 24-hour clock. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        start_time = self.start_time

        end_time = self.end_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date": date,
                "start_time": start_time,
                "end_time": end_time,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        date = datetime.date.fromisoformat(src_dict["date"])

        start_time = src_dict["start_time"]

        end_time = src_dict["end_time"]

        holiday_schedule = cls(
            date,
            start_time,
            end_time,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            holiday_schedule.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return holiday_schedule

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
