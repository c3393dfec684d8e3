from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DashboardStatusDistribution")

_KNOWN_KEYS = frozenset(
    (
        "queued",
        "sent",
        "delivered",
        "failed",
        "read",
    )
)
""" The JSON keys DashboardStatusDistribution declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class DashboardStatusDistribution:
    """How many of the window's messages are in each status."""

    queued: int
    sent: int
    delivered: int
    failed: int
    read: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        queued = self.queued

        sent = self.sent

        delivered = self.delivered

        failed = self.failed

        read = self.read

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "queued": queued,
                "sent": sent,
                "delivered": delivered,
                "failed": failed,
                "read": read,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        queued = src_dict["queued"]

        sent = src_dict["sent"]

        delivered = src_dict["delivered"]

        failed = src_dict["failed"]

        read = src_dict["read"]

        dashboard_status_distribution = cls(
            queued,
            sent,
            delivered,
            failed,
            read,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            dashboard_status_distribution.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return dashboard_status_distribution

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
