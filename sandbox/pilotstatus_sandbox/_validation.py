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
        # The spec's integer query parameters, by path and method: a query string is text, and openapi-core reads
        # it with Python's `int()`, which also takes "5_0", " 5", "+5" or non-ASCII digits. The spec's `integer`
        # means digits.
        self._integers = {
            (path, method): {
                parameter["name"]
                for parameter in operation.get("parameters", [])
                if parameter.get("in") == "query" and parameter.get("schema", {}).get("type") == "integer"
            }
            for path, operations in spec["paths"].items()
            for method, operation in operations.items()
        }
        self._declared = {
            (path, method): {parameter["name"] for parameter in operation.get("parameters", [])}
            for path, operations in spec["paths"].items()
            for method, operation in operations.items()
        }

    def validate(self, request: Request) -> ValidatedRequest:
        operation = (request.url.path, "get" if request.method == "HEAD" else request.method.lower())
        for name in self._declared.get(operation, ()):
            values = request.query_params.getlist(name)
            if len(values) > 1:
                return ValidatedRequest(
                    {}, f"Invalid query parameter: {name} (given {len(values)} times, once at most)"
                )
            if values and name in self._integers[operation] and not _INTEGER.fullmatch(values[0]):
                return ValidatedRequest({}, f"Invalid query parameter: {name} ({values[0]!r} is not an integer)")
        result = self._openapi.unmarshal_request(_AsGet(request))
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
