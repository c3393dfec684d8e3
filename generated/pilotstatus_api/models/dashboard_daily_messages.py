from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DashboardDailyMessages")

_KNOWN_KEYS = frozenset(
    (
        "date",
        "count",
    )
)
""" The JSON keys DashboardDailyMessages declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class DashboardDailyMessages:
    """The messages of one day of the window."""

    date: str
    """ The day, in the dashboard's timezone (its format is not documented; the examples use YYYY-MM-DD). """
    count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date = self.date

        count = self.count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date": date,
                "count": count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        date = src_dict["date"]

        count = src_dict["count"]

        dashboard_daily_messages = cls(
            date,
            count,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            dashboard_daily_messages.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return dashboard_daily_messages

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
