"""Arguments that may be given as a generated model or as the API's JSON object (`{"status": "DISABLED"}`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol, TypeVar

from pilotstatus._exceptions import InvalidInputError

_M = TypeVar("_M", bound="_FromDict")


class _FromDict(Protocol):
    @classmethod
    def from_dict(cls: type[_M], src_dict: Mapping[str, Any]) -> _M: ...


def as_model(cls: type[_M], value: _M | Mapping[str, Any] | None, name: str) -> _M | None:
    """`value` as a `cls`: a `cls` as it is, a mapping (the API's JSON object) parsed into one, None left None.

    What the mapping's values must be is checked against the spec with the rest of the request; here only its shape
    is: a mapping that cannot become a `cls` at all is an `InvalidInputError` naming the argument."""
    if value is None or isinstance(value, cls):
        return value
    if not isinstance(value, Mapping):
        raise InvalidInputError(f"{name} must be a {cls.__name__} or a dict, not {type(value).__name__}.")
    try:
        return cls.from_dict(value)
    except KeyError as error:
        raise InvalidInputError(f"{name} has no {error.args[0]!r}, which a {cls.__name__} requires.") from None
    except (TypeError, ValueError, AttributeError) as error:
        raise InvalidInputError(f"{name} is not a valid {cls.__name__}: {error}") from None
