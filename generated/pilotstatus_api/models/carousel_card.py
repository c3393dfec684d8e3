from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CarouselCard")

_KNOWN_KEYS = frozenset(
    (
        "media",
        "body",
        "buttons",
    )
)
""" The JSON keys CarouselCard declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class CarouselCard:
    """A card of a carousel: every card carries its own media."""

    media: CarouselCardMedia | None = None
    """ The card's media (its shape is not documented beyond string values). """
    body: str | None = None
    buttons: list[CarouselButton] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        _media: CarouselCardMedia | Unset = UNSET if self.media is None else self.media
        media: dict[str, Any] | Unset = UNSET
        if not isinstance(_media, Unset):
            media = _media.to_dict()

        body: str | Unset = UNSET if self.body is None else self.body

        _buttons: list[CarouselButton] | Unset = UNSET if self.buttons is None else self.buttons
        buttons: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(_buttons, Unset):
            buttons = []
            for buttons_item_data in _buttons:
                buttons_item = buttons_item_data.to_dict()
                buttons.append(buttons_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if media is not UNSET:
            field_dict["media"] = media
        if body is not UNSET:
            field_dict["body"] = body
        if buttons is not UNSET:
            field_dict["buttons"] = buttons

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        media = get_("media", UNSET)
        media = None if isinstance(media, Unset) else CarouselCardMedia.from_dict(media)

        body = get_("body")

        buttons = get_("buttons", UNSET)
        buttons = (
            None
            if isinstance(buttons, Unset)
            else [CarouselButton.from_dict(buttons_item_data) for buttons_item_data in buttons]
        )

        carousel_card = cls(
            media,
            body,
            buttons,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            carousel_card.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return carousel_card

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


from ..models.carousel_button import CarouselButton
from ..models.carousel_card_media import CarouselCardMedia
