from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.calling_feature_status import CallingFeatureStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CallHours")

_KNOWN_KEYS = frozenset(
    (
        "status",
        "timezone_id",
        "weekly_operating_hours",
        "holiday_schedule",
    )
)
""" The JSON keys CallHours declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class CallHours:
    """When users may call (Meta's `call_hours`). `status` DISABLED means open 24/7. An update replaces the stored object
    entirely (Meta semantics); Meta requires `timezone_id` and `weekly_operating_hours` when it is ENABLED. Open: fields
    Meta adds later are kept.

    """

    status: CallingFeatureStatus | str
    timezone_id: str | None = None
    """ An IANA time zone. """
    weekly_operating_hours: list[WeeklyOperatingHours] | None = None
    holiday_schedule: list[HolidaySchedule] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        timezone_id: str | Unset = UNSET if self.timezone_id is None else self.timezone_id

        _weekly_operating_hours: list[WeeklyOperatingHours] | Unset = (
            UNSET if self.weekly_operating_hours is None else self.weekly_operating_hours
        )
        weekly_operating_hours: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(_weekly_operating_hours, Unset):
            weekly_operating_hours = []
            for weekly_operating_hours_item_data in _weekly_operating_hours:
                weekly_operating_hours_item = weekly_operating_hours_item_data.to_dict()
                weekly_operating_hours.append(weekly_operating_hours_item)

        _holiday_schedule: list[HolidaySchedule] | Unset = (
            UNSET if self.holiday_schedule is None else self.holiday_schedule
        )
        holiday_schedule: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(_holiday_schedule, Unset):
            holiday_schedule = []
            for holiday_schedule_item_data in _holiday_schedule:
                holiday_schedule_item = holiday_schedule_item_data.to_dict()
                holiday_schedule.append(holiday_schedule_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if timezone_id is not UNSET:
            field_dict["timezone_id"] = timezone_id
        if weekly_operating_hours is not UNSET:
            field_dict["weekly_operating_hours"] = weekly_operating_hours
        if holiday_schedule is not UNSET:
            field_dict["holiday_schedule"] = holiday_schedule

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        status = src_dict["status"]

        timezone_id = get_("timezone_id")

        weekly_operating_hours = get_("weekly_operating_hours", UNSET)
        weekly_operating_hours = (
            None
            if isinstance(weekly_operating_hours, Unset)
            else [
                WeeklyOperatingHours.from_dict(weekly_operating_hours_item_data)
                for weekly_operating_hours_item_data in weekly_operating_hours
            ]
        )

        holiday_schedule = get_("holiday_schedule", UNSET)
        holiday_schedule = (
            None
            if isinstance(holiday_schedule, Unset)
            else [
                HolidaySchedule.from_dict(holiday_schedule_item_data) for holiday_schedule_item_data in holiday_schedule
            ]
        )

        call_hours = cls(
            status,
            timezone_id,
            weekly_operating_hours,
            holiday_schedule,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            call_hours.additional_properties = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        return call_hours

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


from ..models.holiday_schedule import HolidaySchedule
from ..models.weekly_operating_hours import WeeklyOperatingHours
