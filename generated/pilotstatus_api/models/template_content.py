from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TemplateContent")

_KNOWN_KEYS = frozenset(
    (
        "body",
        "header",
        "footer",
        "buttons",
    )
)
""" The JSON keys TemplateContent declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class TemplateContent:
    """What a template says: its body (required), and an optional header, footer and up to 10 buttons."""

    body: TemplateBody
    """ A template's body: its main text, required. A variable is a name between double braces, `{{nome}}` (named
    style: letters, digits and `_`; the sandbox reads that pattern, which the documentation shows without stating
    it). """
    header: TemplateHeader | None = None
    """ A template's optional header: a text of up to 60 characters with at most one variable, or one media item
    given by `url` (http/https) or `base64` (a data URI, re-hosted by the server). A variable is a name between
    double braces, `{{nome}}` (named style: letters, digits and `_`; the sandbox reads that pattern, which the
    documentation shows without stating it). `type` required: stricter than upstream (our assumption; the
    documentation always sends it). """
    footer: TemplateFooter | None = None
    """ A template's optional footer: a static line under the body. """
    buttons: list[TemplateButton] | None = None
    """ Up to 10 buttons: QUICK_REPLY at most 10, URL at most 2, PHONE_NUMBER and COPY_CODE at most 1 each. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        body = self.body.to_dict()

        _header: TemplateHeader | Unset = UNSET if self.header is None else self.header
        header: dict[str, Any] | Unset = UNSET
        if not isinstance(_header, Unset):
            header = _header.to_dict()

        _footer: TemplateFooter | Unset = UNSET if self.footer is None else self.footer
        footer: dict[str, Any] | Unset = UNSET
        if not isinstance(_footer, Unset):
            footer = _footer.to_dict()

        _buttons: list[TemplateButton] | Unset = UNSET if self.buttons is None else self.buttons
        buttons: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(_buttons, Unset):
            buttons = []
            for buttons_item_data in _buttons:
                buttons_item = buttons_item_data.to_dict()
                buttons.append(buttons_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "body": body,
            }
        )
        if header is not UNSET:
            field_dict["header"] = header
        if footer is not UNSET:
            field_dict["footer"] = footer
        if buttons is not UNSET:
            field_dict["buttons"] = buttons

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        body = TemplateBody.from_dict(src_dict["body"])

        header = get_("header", UNSET)
        header = None if isinstance(header, Unset) else TemplateHeader.from_dict(header)

        footer = get_("footer", UNSET)
        footer = None if isinstance(footer, Unset) else TemplateFooter.from_dict(footer)

        buttons = get_("buttons", UNSET)
        buttons = (
            None
            if isinstance(buttons, Unset)
            else [TemplateButton.from_dict(buttons_item_data) for buttons_item_data in buttons]
        )

        template_content = cls(
            body,
            header,
            footer,
            buttons,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            template_content.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return template_content

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


from ..models.template_body import TemplateBody
from ..models.template_button import TemplateButton
from ..models.template_footer import TemplateFooter
from ..models.template_header import TemplateHeader
