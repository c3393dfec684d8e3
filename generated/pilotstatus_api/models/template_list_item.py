from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.template_category import TemplateCategory
from ..models.template_meta_status import TemplateMetaStatus
from ..models.template_source import TemplateSource
from ..types import UNSET, Unset

T = TypeVar("T", bound="TemplateListItem")

_KNOWN_KEYS = frozenset(
    (
        "id",
        "name",
        "category",
        "body",
        "variables",
        "source",
        "metaStatus",
        "metaLanguage",
        "sendable",
        "latestVersion",
    )
)
""" The JSON keys TemplateListItem declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class TemplateListItem:
    """A template of the number, as List templates shows it. The official Python SDK declares id, name, category (required)
    and latestVersion; the List and Get template pages add body, variables, source, metaStatus, metaLanguage and
    sendable, optional here. Fields added later are kept.

    """

    id: str
    """ Pilot Status template id (`tpl_...`). """
    name: str
    """ The template's name: letters, digits and `_` (separators become `_` when it is saved). """
    category: str | TemplateCategory
    """ The template's category (see TemplateCategory). """
    body: str | None = None
    """ The text of the template's body, its variables written `{{nome}}`. """
    variables: list[str] | None = None
    """ The names of the template's variables, each once, in the order they appear: what a send's `variables` must
    give. Inferred: whether the header's and a dynamic URL's variables are listed beside the body's is not
    documented (the sandbox lists them, header first, then body, then buttons). """
    source: str | TemplateSource | None = None
    """ Where the template comes from. """
    meta_status: str | TemplateMetaStatus | None = None
    """ Meta's review status; null for a template that is not Meta's. """
    meta_language: str | None = None
    """ The language Meta knows the template in (`pt_BR`); null for a template that is not Meta's. """
    sendable: bool | None = None
    """ Whether a send may use the template now: on a Meta Cloud API number only source META with metaStatus
    APPROVED is. """
    latest_version: TemplateVersion | None = None
    """ The template's latest version, as the official Python SDK declares it (an object whose fields are not
    documented; the sandbox always says null). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _explicit_nulls: frozenset[str] = _attrs_field(init=False, factory=frozenset, repr=False, eq=False)
    """ The keys of the optional nullable fields that from_dict() read as null, so that to_dict() writes them back as
    null. Any other optional field that is None is left out of to_dict(). """

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        category: str
        if isinstance(self.category, str):
            category = self.category
        else:
            category = self.category

        body: str | Unset = UNSET if self.body is None else self.body

        _variables: list[str] | Unset = UNSET if self.variables is None else self.variables
        variables: list[str] | Unset = UNSET
        if not isinstance(_variables, Unset):
            variables = _variables

        _source: str | TemplateSource | Unset = UNSET if self.source is None else self.source
        source: str | Unset
        if isinstance(_source, Unset):
            source = UNSET
        elif isinstance(_source, str):
            source = _source
        else:
            source = _source

        _meta_status: None | str | TemplateMetaStatus | Unset = (
            UNSET if self.meta_status is None and "metaStatus" not in self._explicit_nulls else self.meta_status
        )
        meta_status: None | str | Unset
        if isinstance(_meta_status, Unset):
            meta_status = UNSET
        elif isinstance(_meta_status, str):
            meta_status = _meta_status
        else:
            meta_status = _meta_status

        _meta_language: None | str | Unset = (
            UNSET if self.meta_language is None and "metaLanguage" not in self._explicit_nulls else self.meta_language
        )
        meta_language: None | str | Unset
        if isinstance(_meta_language, Unset):
            meta_language = UNSET
        else:
            meta_language = _meta_language

        sendable: bool | Unset = UNSET if self.sendable is None else self.sendable

        _latest_version: None | TemplateVersion | Unset = (
            UNSET
            if self.latest_version is None and "latestVersion" not in self._explicit_nulls
            else self.latest_version
        )
        latest_version: dict[str, Any] | None | Unset
        if isinstance(_latest_version, Unset):
            latest_version = UNSET
        elif isinstance(_latest_version, TemplateVersion):
            latest_version = _latest_version.to_dict()
        else:
            latest_version = _latest_version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "category": category,
            }
        )
        if body is not UNSET:
            field_dict["body"] = body
        if variables is not UNSET:
            field_dict["variables"] = variables
        if source is not UNSET:
            field_dict["source"] = source
        if meta_status is not UNSET:
            field_dict["metaStatus"] = meta_status
        if meta_language is not UNSET:
            field_dict["metaLanguage"] = meta_language
        if sendable is not UNSET:
            field_dict["sendable"] = sendable
        if latest_version is not UNSET:
            field_dict["latestVersion"] = latest_version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        id = src_dict["id"]

        name = src_dict["name"]

        category = src_dict["category"]

        body = get_("body")

        variables = cast(list[str], get_("variables", UNSET))

        source = get_("source")

        meta_status = get_("metaStatus")

        meta_language = get_("metaLanguage")

        sendable = get_("sendable")

        latest_version: Any = get_("latestVersion")
        if isinstance(latest_version, dict):
            try:
                latest_version = TemplateVersion.from_dict(latest_version)
            except (TypeError, ValueError, AttributeError, KeyError):
                pass  # kept as it came, as the union's other types take it

        template_list_item = cls(
            id,
            name,
            category,
            body,
            None if isinstance(variables, Unset) else variables,
            source,
            meta_status,
            meta_language,
            sendable,
            latest_version,
        )
        explicit_nulls: list[str] = []
        if meta_status is None and "metaStatus" in src_dict:
            explicit_nulls.append("metaStatus")
        if meta_language is None and "metaLanguage" in src_dict:
            explicit_nulls.append("metaLanguage")
        if latest_version is None and "latestVersion" in src_dict:
            explicit_nulls.append("latestVersion")
        if explicit_nulls:
            template_list_item._explicit_nulls = frozenset(explicit_nulls)

        if not _KNOWN_KEYS.issuperset(src_dict):
            template_list_item.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return template_list_item

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


from ..models.template_version import TemplateVersion
