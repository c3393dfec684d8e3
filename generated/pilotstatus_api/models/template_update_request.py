from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.template_category import TemplateCategory
from ..types import UNSET, Unset

T = TypeVar("T", bound="TemplateUpdateRequest")

_KNOWN_KEYS = frozenset(
    (
        "body",
        "category",
        "language",
        "examples",
    )
)
""" The JSON keys TemplateUpdateRequest declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class TemplateUpdateRequest:
    """The body of Update template: the contract of Create template, without `name` (a template is found by its id or name
    in the path; inferred: the documentation's example sends no name). The content given replaces the template's.

    """

    body: str | TemplateContent
    """ The template's content: an object `{header?, body, footer?, buttons?}` (recommended), the same JSON as a
    string, or plain text, which becomes `{"body": {"text": ...}}`. """
    category: str | TemplateCategory | None = None
    """ MARKETING, UTILITY or OTP; set at creation, never changed. Inferred: optional (the documentation's examples
    always send it). """
    language: str | None = None
    """ The template's language for Meta, such as `pt_BR`. Inferred: optional (the documentation's examples always
    send it). """
    examples: TemplateExamples | None = None
    """ A sample value for each variable of the template (header, body and dynamic URL), by name: required as soon
    as there is one variable (else 400 TEMPLATE_EXAMPLES_REQUIRED, `details.missing` naming those without one). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        body: dict[str, Any] | str
        if isinstance(self.body, TemplateContent):
            body = self.body.to_dict()
        else:
            body = self.body

        _category: str | TemplateCategory | Unset = UNSET if self.category is None else self.category
        category: str | Unset
        if isinstance(_category, Unset):
            category = UNSET
        elif isinstance(_category, str):
            category = _category
        else:
            category = _category

        language: str | Unset = UNSET if self.language is None else self.language

        _examples: TemplateExamples | Unset = UNSET if self.examples is None else self.examples
        examples: dict[str, Any] | Unset = UNSET
        if not isinstance(_examples, Unset):
            examples = _examples.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "body": body,
            }
        )
        if category is not UNSET:
            field_dict["category"] = category
        if language is not UNSET:
            field_dict["language"] = language
        if examples is not UNSET:
            field_dict["examples"] = examples

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        body: Any = src_dict["body"]
        if isinstance(body, dict):
            try:
                body = TemplateContent.from_dict(body)
            except (TypeError, ValueError, AttributeError, KeyError):
                pass  # kept as it came, as the union's other types take it

        category = get_("category")

        language = get_("language")

        examples = get_("examples", UNSET)
        examples = None if isinstance(examples, Unset) else TemplateExamples.from_dict(examples)

        template_update_request = cls(
            body,
            category,
            language,
            examples,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            template_update_request.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return template_update_request

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


from ..models.template_content import TemplateContent
from ..models.template_examples import TemplateExamples
