"""Request validation driven by the spec: what `openapi.json` says of a parameter is the only rule applied.

openapi-core reads the parameters of the matched operation (types, ranges, formats, defaults) from the spec and
checks the request against them. Authentication is not its concern here: the app has already resolved the key.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from openapi_core import OpenAPI
from openapi_core.contrib.starlette.requests import StarletteOpenAPIRequest
from openapi_core.validation.request.exceptions import SecurityValidationError
from starlette.requests import Request

__all__ = ["RequestValidator", "ValidatedRequest"]

_INTEGER = re.compile(r"-?[0-9]+", re.ASCII)
_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
_MAX_REASON = 200  # a reason quotes the value, which may be megabytes long


@dataclass(frozen=True)
class ValidatedRequest:
    """The outcome of validating a request: its parameters (defaults applied) or the first problem, in words."""

    query: Mapping[str, Any]
    problem: str | None


class _AsGet(StarletteOpenAPIRequest):
    """A HEAD request, validated as the GET it mirrors (HTTP: a HEAD is a GET without the body)."""

    @property
    def method(self) -> str:
        return "get" if self.request.method == "HEAD" else self.request.method.lower()


class RequestValidator:
    """Checks requests against the operations of a spec."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self._openapi = OpenAPI.from_dict(spec)
        # The query parameters of each operation, and which are integers. A query string is text, and openapi-core
        # reads an integer with Python's `int()`, which also takes "5_0", " 5", "+5" or non-ASCII digits: the
        # spec's `integer` means ASCII digits, checked here, as is a parameter given twice (which openapi-core
        # reads as its last value).
        self._query: dict[tuple[str, str], dict[str, bool]] = {
            (path, method): {
                parameter["name"]: parameter.get("schema", {}).get("type") == "integer"
                for parameter in operation.get("parameters", [])
                if parameter.get("in") == "query"
            }
            for path, operations in spec["paths"].items()
            for method, operation in operations.items()
            if method in _METHODS  # a path item also holds `parameters`, `summary`...
        }

    def validate(self, request: Request) -> ValidatedRequest:
        openapi_request = _AsGet(request)
        for name, integer in self._query.get((openapi_request.path, openapi_request.method), {}).items():
            values = request.query_params.getlist(name)
            if len(values) > 1:
                return ValidatedRequest(
                    {}, f"Invalid query parameter: {name} (given {len(values)} times, once at most)"
                )
            if values and integer and not _INTEGER.fullmatch(values[0]):
                return ValidatedRequest({}, f"Invalid query parameter: {name} (not an integer: {values[0][:40]!r})")
        result = self._openapi.unmarshal_request(openapi_request)
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
    reason = "; ".join(reasons)
    reason = reason if len(reason) <= _MAX_REASON else reason[:_MAX_REASON] + "..."
    return f"{error} ({reason})" if reason else str(error)
