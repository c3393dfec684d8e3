"""Request validation driven by the spec: what `openapi.json` says of a parameter is the only rule applied.

openapi-core reads the parameters of the matched operation (types, ranges, formats, defaults) from the spec and
checks the request against them. Authentication is not its concern here: the app has already resolved the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from openapi_core import OpenAPI
from openapi_core.contrib.starlette.requests import StarletteOpenAPIRequest
from openapi_core.validation.request.exceptions import SecurityValidationError
from starlette.requests import Request

__all__ = ["RequestValidator", "ValidatedRequest"]


@dataclass(frozen=True)
class ValidatedRequest:
    """The outcome of validating a request: its parameters (defaults applied) or the first problem, in words."""

    query: Mapping[str, Any]
    problem: str | None


class RequestValidator:
    """Checks requests against the operations of a spec."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self._openapi = OpenAPI.from_dict(spec)

    def validate(self, request: Request) -> ValidatedRequest:
        result = self._openapi.unmarshal_request(StarletteOpenAPIRequest(request))
        problems = [_describe(error) for error in result.errors if not isinstance(error, SecurityValidationError)]
        return ValidatedRequest(query=dict(result.parameters.query), problem=problems[0] if problems else None)


def _describe(error: Exception) -> str:
    """One line naming the parameter and what is wrong with it, e.g. "Invalid query parameter: limit (0 is less
    than the minimum of 1)"."""
    cause = error.__cause__
    reasons = [
        getattr(schema_error, "message", str(schema_error)) for schema_error in getattr(cause, "schema_errors", ())
    ]
    if not reasons and cause is not None:
        reasons = [str(cause)]
    return f"{error} ({'; '.join(reasons)})" if reasons else str(error)
