from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MessageMetaPricing")

_KNOWN_KEYS = frozenset(
    (
        "conversationId",
        "originType",
        "category",
        "type",
    )
)
""" The JSON keys MessageMetaPricing declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class MessageMetaPricing:
    """What Meta billed for the message, in Meta's words (its `conversation` and `pricing`): Meta's verdict, not a Pilot
    Status price. `conversationId` is Meta's 24-hour billing window, not a Pilot Status conversation. `originType` and
    `category`: marketing, utility, authentication, service, referral_conversion; `type`: regular (billed),
    free_entry_point (click-to-WhatsApp), free_customer_service. All open: Meta may add values.

    """

    conversation_id: None | str
    origin_type: None | str
    category: None | str
    type_: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        conversation_id: None | str
        conversation_id = self.conversation_id

        origin_type: None | str
        origin_type = self.origin_type

        category: None | str
        category = self.category

        type_: None | str
        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "conversationId": conversation_id,
                "originType": origin_type,
                "category": category,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        conversation_id = src_dict["conversationId"]

        origin_type = src_dict["originType"]

        category = src_dict["category"]

        type_ = src_dict["type"]

        message_meta_pricing = cls(
            conversation_id,
            origin_type,
            category,
            type_,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            message_meta_pricing.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return message_meta_pricing

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
