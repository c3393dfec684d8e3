from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ChatReferral")


@_attrs_define
class ChatReferral:
    """Where a conversation started by an ad came from (click-to-WhatsApp): on the first inbound message of such a
    conversation, in practice on Meta numbers only. An open object, every field kept: the official Python SDK lists
    sourceId (the ad's stable id), sourceType, sourceUrl, headline, body, mediaType, imageUrl, videoUrl, thumbnailUrl,
    ctwaClid, adName, adsetId, adsetName, campaignId, campaignName and namesResolvedAt, each a string or null.

    """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        chat_referral = cls()

        chat_referral.additional_properties = dict(src_dict)
        return chat_referral

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
