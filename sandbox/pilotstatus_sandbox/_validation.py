"""Request validation driven by a spec: what the OpenAPI document says of a parameter or a body is the only rule
applied.

openapi-core reads the matched operation from the spec (parameter types, ranges, formats, defaults; the request
body's media type and JSON Schema) and checks the request against it. Authentication is not its concern here: the
app has already resolved the key. What openapi-core reads more loosely than the spec means is tightened here:

- a query integer must be ASCII digits (openapi-core reads it with `int()`, which takes "5_0", " 5" or "+5"), and a
  query parameter may be given once at most (openapi-core reads the last value);
- a JSON body is parsed strictly: UTF-8, no `NaN` or `Infinity` (not JSON, though Python's parser takes them);
- `format: date-time` is RFC 3339's, leap seconds included (`_instants.is_date_time`): the checker openapi-core
  uses by default refuses second 60, which RFC 3339 allows.

Every problem is one line naming the parameter or the body field and what is wrong with it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from openapi_core import Config, OpenAPI
from openapi_core.contrib.starlette.requests import StarletteOpenAPIRequest
from openapi_core.templating.media_types.exceptions import MediaTypeNotFound
from openapi_core.validation.request.exceptions import (
    InvalidRequestBody,
    MissingRequiredRequestBody,
    RequestBodyValidationError,
    SecurityValidationError,
)
from starlette.requests import Request

from pilotstatus._validation import is_absolute_uri

from ._instants import is_date_time

__all__ = ["RequestValidator", "ValidatedRequest", "strict_json"]

_INTEGER = re.compile(r"-?[0-9]+", re.ASCII)
_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
_MAX_REASON = 200  # a reason quotes the value, which may be megabytes long
_JSON = "application/json"


@dataclass(frozen=True)
class ValidatedRequest:
    """The outcome of validating a request: its parameters (defaults applied) and its JSON body as sent (None when
    it has none), or the first problem, in words."""

    query: Mapping[str, Any]
    path: Mapping[str, Any]
    body: Any
    problem: str | None


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def strict_json(value: bytes | str, **parameters: str) -> Any:
    """A JSON text as Python values, refusing what RFC 8259 does: `NaN`, `Infinity`, and bytes that are not UTF-8
    (or the `charset` given). ValueError otherwise."""
    if isinstance(value, bytes):
        value = value.decode(parameters.get("charset", "utf-8"))
    return json.loads(value, parse_constant=_refuse_constant)


def _date_time_text(value: Any) -> str:
    """`format: date-time` values stay text: the sandbox reads instants itself (`_instants`), second 60 included,
    which `datetime` cannot hold."""
    return str(value)


_PARAMETER = re.compile(r"\{([^}]+)\}")


def _method(request: Request) -> str:
    """The method of the operation `request` is checked against: a HEAD request's is the GET it mirrors (HTTP: a HEAD
    is a GET without the body)."""
    return "get" if request.method == "HEAD" else request.method.lower()


class _Request(StarletteOpenAPIRequest):
    """A Starlette request with its body, as routed to the operation whose path in the spec is `template`."""

    def __init__(self, request: Request, *, body: bytes | None, template: str) -> None:
        super().__init__(request, body=body)
        # The path parameters as the router read them, decoded: openapi-core checks these, and reads none itself.
        self.parameters.path = dict(request.path_params)
        self._template = template

    @property
    def method(self) -> str:
        return _method(self.request)

    @property
    def path(self) -> str:
        # The operation's own path, each parameter percent-encoded whole, so that openapi-core finds the operation the
        # router chose: decoded, a call id holding `/` would read as more segments, and `urljoin` (with which
        # openapi-core joins the path to the host) drops tabs and newlines, leaving an empty call id.
        params = self.request.path_params
        return _PARAMETER.sub(lambda found: quote(params[found[1]], safe=""), self._template)


class RequestValidator:
    """Checks requests against the operations of a spec."""

    def __init__(self, spec: dict[str, Any]) -> None:
        config = Config(
            extra_format_validators={
                "date-time": lambda value: not isinstance(value, str) or is_date_time(value),
                # jsonschema checks `uri` only with a package the sandbox does not need: the SDK's rule, the same.
                "uri": lambda value: not isinstance(value, str) or is_absolute_uri(value),
            },
            extra_format_unmarshallers={"date-time": _date_time_text},
            extra_media_type_deserializers={_JSON: strict_json},
        )
        self._openapi = OpenAPI.from_dict(spec, config=config)
        operations = {
            (path, method): operation
            for path, item in spec["paths"].items()
            for method, operation in item.items()
            if method in _METHODS  # a path item also holds `parameters`, `summary`...
        }
        # The query parameters of each operation, and which are integers (see the module's docstring).
        self._query: dict[tuple[str, str], dict[str, bool]] = {
            key: {
                parameter["name"]: parameter.get("schema", {}).get("type") == "integer"
                for parameter in operation.get("parameters", [])
                if parameter.get("in") == "query"
            }
            for key, operation in operations.items()
        }
        self._has_body = {key for key, operation in operations.items() if "requestBody" in operation}

    def validate(self, request: Request, body: bytes = b"", *, template: str) -> ValidatedRequest:
        """`request` (with `body`, its bytes, read by the caller) against its operation, whose path in the spec is
        `template` (`/v1/calls/{callId}`): the first problem, or its parameters and JSON body."""
        openapi_request = _Request(request, body=body or None, template=template)
        operation = (template, openapi_request.method)
        for name, integer in self._query.get(operation, {}).items():
            values = request.query_params.getlist(name)
            if len(values) > 1:
                return _problem(f"Invalid query parameter: {name} (given {len(values)} times, once at most)")
            if values and integer and not _INTEGER.fullmatch(values[0]):
                return _problem(f"Invalid query parameter: {name} (not an integer: {values[0][:40]!r})")
        document = None
        if body and operation in self._has_body and _mimetype(request) == _JSON:
            try:
                document = strict_json(body, **_mimetype_parameters(request))
            except (ValueError, LookupError) as error:  # not JSON, not in its charset, or an unknown charset
                return _problem(f"Invalid request body: not JSON ({_shorten(str(error))})")
        result = self._openapi.unmarshal_request(openapi_request)
        problems = [_describe(error) for error in result.errors if not isinstance(error, SecurityValidationError)]
        if problems:
            return _problem(problems[0])
        return ValidatedRequest(
            query=dict(result.parameters.query), path=dict(result.parameters.path), body=document, problem=None
        )


def _problem(problem: str) -> ValidatedRequest:
    return ValidatedRequest(query={}, path={}, body=None, problem=problem)


def _mimetype(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def _mimetype_parameters(request: Request) -> dict[str, str]:
    parameters = {}
    for parameter in request.headers.get("content-type", "").split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            parameters["charset"] = value.strip().strip('"')
    return parameters


def _shorten(reason: str) -> str:
    return reason if len(reason) <= _MAX_REASON else reason[:_MAX_REASON] + "..."


def _location(path: Any) -> str:
    """A JSON Schema error's place in the body, as `call_hours.weekly_operating_hours[0].open_time`."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


def _describe_body(error: InvalidRequestBody) -> str:
    """One line per body problem: the field (or "the body") and what is wrong with it."""
    schema_errors = list(getattr(error.__cause__, "schema_errors", ()))
    if not schema_errors:
        return f"Invalid request body ({_shorten(str(error.__cause__ or error))})"
    reasons = []
    for schema_error in schema_errors:
        path = list(schema_error.absolute_path)
        if schema_error.validator == "required" and isinstance(schema_error.instance, dict):
            missing = [name for name in schema_error.validator_value if name not in schema_error.instance]
            reasons += [f"{_location([*path, name])} is required" for name in missing]
            continue
        where = _location(path) or "the body"
        reasons.append(f"{where} ({_shorten(schema_error.message)})")
    return "Invalid request body: " + "; ".join(reasons)


def _describe(error: Exception) -> str:
    """One line naming the parameter or body field and what is wrong with it, e.g. "Invalid query parameter: limit
    (0 is less than the minimum of 1)" or "Invalid request body: to is required"."""
    if isinstance(error, InvalidRequestBody):
        return _describe_body(error)
    if isinstance(error, MissingRequiredRequestBody):
        return f"Invalid request body: missing (this operation needs a JSON object, {_JSON})"
    if isinstance(error, RequestBodyValidationError):
        cause = error.__cause__
        if isinstance(cause, MediaTypeNotFound):
            return f"Invalid request body: content type {cause.mimetype[:60]!r}, where the API takes {_JSON}"
        return "Invalid request body: not JSON"
    cause = error.__cause__
    reasons = [
        getattr(schema_error, "message", str(schema_error)) for schema_error in getattr(cause, "schema_errors", ())
    ]
    if not reasons and cause is not None:
        reasons = [str(cause)]
    reason = _shorten("; ".join(reasons))
    return f"{error} ({reason})" if reason else str(error)
