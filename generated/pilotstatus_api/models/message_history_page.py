from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MessageHistoryPage")

_KNOWN_KEYS = frozenset(
    (
        "messages",
        "total",
        "page",
        "pageSize",
        "totalPages",
        "notice",
    )
)
""" The JSON keys MessageHistoryPage declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class MessageHistoryPage:
    """One page of the number's messages, newest first. The envelope (`total`, `page`, `pageSize`, `totalPages`) is the
    documented examples'; on a RELAY_ONLY number the list is empty, with `notice`.

    """

    messages: list[HistoryMessage]
    total: int
    """ Rows in the whole list. """
    page: int
    page_size: int
    total_pages: int
    notice: str | None = None
    """ PII_RELAY_ONLY on a number whose PII mode is RELAY_ONLY (the list is then empty). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        total = self.total

        page = self.page

        page_size = self.page_size

        total_pages = self.total_pages

        notice: str | Unset = UNSET if self.notice is None else self.notice

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "messages": messages,
                "total": total,
                "page": page,
                "pageSize": page_size,
                "totalPages": total_pages,
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
        messages = [HistoryMessage.from_dict(messages_item_data) for messages_item_data in src_dict["messages"]]

        total = src_dict["total"]

        page = src_dict["page"]

        page_size = src_dict["pageSize"]

        total_pages = src_dict["totalPages"]

        notice = get_("notice")

        message_history_page = cls(
            messages,
            total,
            page,
            page_size,
            total_pages,
            notice,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            message_history_page.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return message_history_page

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


from ..models.history_message import HistoryMessage
