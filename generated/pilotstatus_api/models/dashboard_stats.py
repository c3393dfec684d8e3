from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DashboardStats")

_KNOWN_KEYS = frozenset(
    (
        "totalSent",
        "totalFailed",
        "sentPercentChange",
        "failedPercentChange",
        "failureRate",
        "dailyMessages",
        "statusDistribution",
    )
)
""" The JSON keys DashboardStats declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class DashboardStats:
    """The number's sending metrics over the window (`period`), as the official Python SDK types them. The changes compare
    with the window before; their scale, and the failure rate's, are not documented (the examples read them as
    percentages).

    """

    total_sent: int
    total_failed: int
    sent_percent_change: float
    failed_percent_change: float
    failure_rate: float
    daily_messages: list[DashboardDailyMessages]
    """ A day a row, oldest first (the order is inferred). """
    status_distribution: DashboardStatusDistribution
    """ How many of the window's messages are in each status. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_sent = self.total_sent

        total_failed = self.total_failed

        sent_percent_change = self.sent_percent_change

        failed_percent_change = self.failed_percent_change

        failure_rate = self.failure_rate

        daily_messages = []
        for daily_messages_item_data in self.daily_messages:
            daily_messages_item = daily_messages_item_data.to_dict()
            daily_messages.append(daily_messages_item)

        status_distribution = self.status_distribution.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "totalSent": total_sent,
                "totalFailed": total_failed,
                "sentPercentChange": sent_percent_change,
                "failedPercentChange": failed_percent_change,
                "failureRate": failure_rate,
                "dailyMessages": daily_messages,
                "statusDistribution": status_distribution,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        total_sent = src_dict["totalSent"]

        total_failed = src_dict["totalFailed"]

        sent_percent_change = src_dict["sentPercentChange"]

        failed_percent_change = src_dict["failedPercentChange"]

        failure_rate = src_dict["failureRate"]

        daily_messages = [
            DashboardDailyMessages.from_dict(daily_messages_item_data)
            for daily_messages_item_data in src_dict["dailyMessages"]
        ]

        status_distribution = DashboardStatusDistribution.from_dict(src_dict["statusDistribution"])

        dashboard_stats = cls(
            total_sent,
            total_failed,
            sent_percent_change,
            failed_percent_change,
            failure_rate,
            daily_messages,
            status_distribution,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            dashboard_stats.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return dashboard_stats

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


from ..models.dashboard_daily_messages import DashboardDailyMessages
from ..models.dashboard_status_distribution import DashboardStatusDistribution
