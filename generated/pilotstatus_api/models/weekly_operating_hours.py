from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.day_of_week import DayOfWeek

T = TypeVar("T", bound="WeeklyOperatingHours")

_KNOWN_KEYS = frozenset(
    (
        "day_of_week",
        "open_time",
        "close_time",
    )
)
""" The JSON keys WeeklyOperatingHours declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class WeeklyOperatingHours:
    """One opening window of a day (Meta allows at most two a day, open before close, not overlapping)."""

    day_of_week: DayOfWeek | str
    open_time: str
    """ HHMM, 24-hour clock. """
    close_time: str
    """ HHMM, 24-hour clock. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        day_of_week: str
        if isinstance(self.day_of_week, str):
            day_of_week = self.day_of_week
        else:
            day_of_week = self.day_of_week

        open_time = self.open_time

        close_time = self.close_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "day_of_week": day_of_week,
                "open_time": open_time,
                "close_time": close_time,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        day_of_week = src_dict["day_of_week"]

        open_time = src_dict["open_time"]

        close_time = src_dict["close_time"]

        weekly_operating_hours = cls(
            day_of_week,
            open_time,
            close_time,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            weekly_operating_hours.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return weekly_operating_hours

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
