from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.template_button_type import TemplateButtonType
from ..types import UNSET, Unset

T = TypeVar("T", bound="TemplateButton")

_KNOWN_KEYS = frozenset(
    (
        "type",
        "text",
        "url",
        "phone_number",
        "example",
    )
)
""" The JSON keys TemplateButton declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class TemplateButton:
    """A button of a template. QUICK_REPLY has `text`; URL `text` and `url` (static, or dynamic: one variable at its end,
    `https://loja.com/promo/{{link}}`, whose example `examples` gives); PHONE_NUMBER `text` and `phone_number` (E.164);
    COPY_CODE the code in `example`. Quick replies and the others may be mixed.

    """

    type_: str | TemplateButtonType
    """ The button's kind. """
    text: str | None = None
    """ The button's label. """
    url: str | None = None
    """ The link of a URL button; a dynamic one ends with its one variable. """
    phone_number: str | None = None
    """ The number a PHONE_NUMBER button calls, in E.164. """
    example: list[str] | str | None = None
    """ The code of a COPY_CODE button (the documentation's example sends a list of one code). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str
        if isinstance(self.type_, str):
            type_ = self.type_
        else:
            type_ = self.type_

        text: str | Unset = UNSET if self.text is None else self.text

        url: str | Unset = UNSET if self.url is None else self.url

        phone_number: str | Unset = UNSET if self.phone_number is None else self.phone_number

        _example: list[str] | str | Unset = UNSET if self.example is None else self.example
        example: list[str] | str | Unset
        if isinstance(_example, Unset):
            example = UNSET
        elif isinstance(_example, list):
            example = _example

        else:
            example = _example

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if text is not UNSET:
            field_dict["text"] = text
        if url is not UNSET:
            field_dict["url"] = url
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if example is not UNSET:
            field_dict["example"] = example

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        type_ = src_dict["type"]

        text = get_("text")

        url = get_("url")

        phone_number = get_("phone_number")

        example: Any = get_("example")
        if isinstance(example, list):
            try:
                example_type_0 = cast(list[str], example)
                example = example_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass  # kept as it came, as the union's other types take it

        template_button = cls(
            type_,
            text,
            url,
            phone_number,
            example,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            template_button.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return template_button

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
