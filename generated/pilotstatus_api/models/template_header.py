from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.template_header_type import TemplateHeaderType
from ..types import UNSET, Unset

T = TypeVar("T", bound="TemplateHeader")

_KNOWN_KEYS = frozenset(
    (
        "type",
        "text",
        "url",
        "base64",
    )
)
""" The JSON keys TemplateHeader declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class TemplateHeader:
    """A template's optional header: a text of up to 60 characters with at most one variable, or one media item given by
    `url` (http/https) or `base64` (a data URI, re-hosted by the server). A variable is a name between double braces,
    `{{nome}}` (named style: letters, digits and `_`; the sandbox reads that pattern, which the documentation shows
    without stating it). `type` required: stricter than upstream (our assumption; the documentation always sends it).

    """

    type_: str | TemplateHeaderType
    """ The header's kind. """
    text: str | None = None
    """ The header's text (TEXT): up to 60 characters, at most one variable. """
    url: str | None = None
    """ The media's public http(s) URL (IMAGE, VIDEO, DOCUMENT). """
    base64: str | None = None
    """ The media as a data URI, `data:<mime>;base64,...` (IMAGE, VIDEO, DOCUMENT). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str
        if isinstance(self.type_, str):
            type_ = self.type_
        else:
            type_ = self.type_

        text: str | Unset = UNSET if self.text is None else self.text

        url: str | Unset = UNSET if self.url is None else self.url

        base64: str | Unset = UNSET if self.base64 is None else self.base64

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
        if base64 is not UNSET:
            field_dict["base64"] = base64

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        type_ = src_dict["type"]

        text = get_("text")

        url = get_("url")

        base64 = get_("base64")

        template_header = cls(
            type_,
            text,
            url,
            base64,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            template_header.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return template_header

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
