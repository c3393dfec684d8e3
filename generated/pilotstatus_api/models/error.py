from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error_code import ErrorCode
from ..types import UNSET, Unset

T = TypeVar("T", bound="Error")

_KNOWN_KEYS = frozenset(
    (
        "error",
        "code",
        "details",
        "reason",
        "retryAfterSeconds",
    )
)
""" The JSON keys Error declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class Error:
    """The body of every non-2xx response: `error` in words, and `code` when the cause is one a client can act on (see
    `ErrorCode`). Unknown codes and fields are kept.

    """

    error: str
    """ A human-readable message. """
    code: ErrorCode | str | None = None
    """ A machine-readable cause, such as FEATURE_NOT_SUPPORTED. """
    details: ErrorDetails | None = None
    """ Structured details of an error, when its cause has any (for example `missing`: the template variables
    lacking examples). Open: every field is kept. """
    reason: str | None = None
    """ More about the cause, on some errors. """
    retry_after_seconds: float | None = None
    """ On some 429 responses (RATE_LIMITED, RESYNC_COOLDOWN): the seconds to wait before retrying, in the body,
    with or without a `Retry-After` header. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        _code: ErrorCode | str | Unset = UNSET if self.code is None else self.code
        code: str | Unset
        if isinstance(_code, Unset):
            code = UNSET
        elif isinstance(_code, str):
            code = _code
        else:
            code = _code

        _details: ErrorDetails | Unset = UNSET if self.details is None else self.details
        details: dict[str, Any] | Unset = UNSET
        if not isinstance(_details, Unset):
            details = _details.to_dict()

        reason: str | Unset = UNSET if self.reason is None else self.reason

        retry_after_seconds: float | Unset = UNSET if self.retry_after_seconds is None else self.retry_after_seconds

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
        if reason is not UNSET:
            field_dict["reason"] = reason
        if retry_after_seconds is not UNSET:
            field_dict["retryAfterSeconds"] = retry_after_seconds

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        error = src_dict["error"]

        code = get_("code")

        details = get_("details", UNSET)
        details = None if isinstance(details, Unset) else ErrorDetails.from_dict(details)

        reason = get_("reason")

        retry_after_seconds = get_("retryAfterSeconds")

        error = cls(
            error,
            code,
            details,
            reason,
            retry_after_seconds,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            error.additional_properties = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
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


from ..models.error_details import ErrorDetails
