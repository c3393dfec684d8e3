from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Carousel")

_KNOWN_KEYS = frozenset(
    (
        "cardTemplate",
        "cards",
    )
)
""" The JSON keys Carousel declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class Carousel:
    """An ad-hoc media carousel."""

    card_template: CarouselCardTemplate | None = None
    """ What the cards have in common (its shape is not documented: an open object). """
    cards: list[CarouselCard] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        _card_template: CarouselCardTemplate | Unset = UNSET if self.card_template is None else self.card_template
        card_template: dict[str, Any] | Unset = UNSET
        if not isinstance(_card_template, Unset):
            card_template = _card_template.to_dict()

        _cards: list[CarouselCard] | Unset = UNSET if self.cards is None else self.cards
        cards: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(_cards, Unset):
            cards = []
            for cards_item_data in _cards:
                cards_item = cards_item_data.to_dict()
                cards.append(cards_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if card_template is not UNSET:
            field_dict["cardTemplate"] = card_template
        if cards is not UNSET:
            field_dict["cards"] = cards

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        card_template = get_("cardTemplate", UNSET)
        card_template = None if isinstance(card_template, Unset) else CarouselCardTemplate.from_dict(card_template)

        cards = get_("cards", UNSET)
        cards = (
            None if isinstance(cards, Unset) else [CarouselCard.from_dict(cards_item_data) for cards_item_data in cards]
        )

        carousel = cls(
            card_template,
            cards,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            carousel.additional_properties = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        return carousel

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


from ..models.carousel_card import CarouselCard
from ..models.carousel_card_template import CarouselCardTemplate
