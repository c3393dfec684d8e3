from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_details import ErrorDetails


T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """The body of every non-2xx response. `code` names the cause when there is one the client can act on:
    FEATURE_NOT_SUPPORTED (400: the number's provider cannot place calls), TENANT_SCOPE_NOT_ALLOWED (403: a tenant-
    scoped key on a number endpoint), NUMBER_SCOPE_NOT_ALLOWED (403: a number-scoped key on a tenant endpoint),
    CALL_NOT_FOUND (404), WHATSAPP_INSTANCE_NOT_CONNECTED (409: the web number is not connected). Unknown codes and
    fields are kept.

    """

    error: str
    """ A human-readable message. """
    code: str | Unset = UNSET
    """ A machine-readable cause, such as FEATURE_NOT_SUPPORTED. """
    details: ErrorDetails | Unset = UNSET
    """ Structured details of an error, when its cause has any (for example `missing`: the template variables
    lacking examples). Open: every field is kept. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        code = self.code

        details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = self.details.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.error_details import ErrorDetails

        d = dict(src_dict)
        error = d.pop("error")

        code = d.pop("code", UNSET)

        _details = d.pop("details", UNSET)
        details: ErrorDetails | Unset
        if isinstance(_details, Unset):
            details = UNSET
        else:
            details = ErrorDetails.from_dict(_details)

        error = cls(
            error=error,
            code=code,
            details=details,
        )

        error.additional_properties = d
        return error

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
