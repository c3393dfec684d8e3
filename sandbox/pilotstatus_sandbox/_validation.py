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

A request to an operation without a body whose parameters are plain integers and strings (List calls, Retrieve
call, reject, terminate, the settings' read...) takes a shorter way when it is valid, with the very checks
openapi-core would make: each parameter's JSON Schema validator, made once by openapi-core's own factory with the
same formats, applied to the value cast as openapi-core casts it; the key's presence as the spec's security
requires it; and where openapi-core would find the operation (its path finder, its answer kept for each method and
URL). Anything that is not plainly valid (a value missing, empty or refused, an operation found elsewhere) goes
through openapi-core, whose problem is the one reported: the outcome is openapi-core's either way, which a property
test checks on generated requests, without openapi-core's reading of the spec on every request, the milliseconds
most of a request cost.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import quote, urljoin

from openapi_core import Config, OpenAPI
from openapi_core.contrib.starlette.requests import StarletteOpenAPIRequest
from openapi_core.templating.media_types.exceptions import MediaTypeNotFound
from openapi_core.templating.paths.exceptions import PathError
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
        return _operation_path(self.request, self._template)


def _operation_path(request: Request, template: str) -> str:
    """The path openapi-core is given: the operation's own, each parameter percent-encoded whole, so that it finds
    the operation the router chose (decoded, a call id holding `/` would read as more segments, and `urljoin`, with
    which openapi-core joins the path to the host, drops tabs and newlines, leaving an empty call id)."""
    params = request.path_params
    return _PARAMETER.sub(lambda found: quote(params[found[1]], safe=""), template)


_FAST_TYPES: dict[str, frozenset[str | None]] = {"integer": frozenset({None}), "string": frozenset({None, "date-time"})}
"""The parameter types (and their formats) the shorter way takes: those openapi-core unmarshals to the value it has
cast (an integer's `int`, a string as it is, a date-time kept as text by `_date_time_text`)."""
_FAST_PARAMETER_KEYS = {"name", "in", "required", "description", "schema", "example", "examples"}
"""A parameter with any other key (a style, an explode, allowEmptyValue, deprecated, content) goes through
openapi-core, which reads it."""
_COMPOSED = ("$ref", "allOf", "anyOf", "oneOf", "nullable", "deprecated")
"""Schema keys that change how openapi-core casts or unmarshals a value: a schema holding one goes through it."""
_NO_DEFAULT = object()


@dataclass(frozen=True)
class _Parameter:
    """One parameter of an operation as the shorter way checks it."""

    name: str
    location: str
    required: bool
    integer: bool
    default: Any
    is_valid: Callable[[Any], bool]
    """The validator openapi-core makes for the parameter's schema (its factory, its formats): valid or not."""


@dataclass(frozen=True)
class _Shortcut:
    """What the shorter way checks of an operation: its parameters, in the order openapi-core reads them, and the
    keys its security accepts (any one requirement, each a list of (location, name) that must all be present)."""

    parameters: tuple[_Parameter, ...]
    security: tuple[tuple[tuple[str, str], ...], ...] | None

    def validate(self, request: Request) -> ValidatedRequest | None:
        """The outcome openapi-core would give a valid request, or None when the request is not plainly valid (then
        openapi-core says what is wrong with it)."""
        headers = request.headers
        if self.security is not None and not any(
            all(name in (headers if where == "header" else request.query_params) for where, name in requirement)
            for requirement in self.security
        ):
            return None  # openapi-core stops at the security, with no parameters: it says so itself
        query: dict[str, Any] = {}
        path: dict[str, Any] = {}
        for parameter in self.parameters:
            location = parameter.location
            raw = (
                request.query_params.get(parameter.name)
                if location == "query"
                else request.path_params.get(parameter.name)
                if location == "path"
                else headers.get(parameter.name)
            )
            if raw is None:
                if parameter.default is _NO_DEFAULT:
                    if parameter.required:
                        return None
                    continue
                value = parameter.default  # openapi-core checks a default as given, without casting it
            elif raw == "" and location == "query":
                return None  # an empty query value: openapi-core's own refusal
            elif parameter.integer:
                try:
                    value = int(raw)
                except ValueError:
                    return None
            else:
                value = raw
            if not parameter.is_valid(value):
                return None
            if location == "query":
                query[parameter.name] = value
            elif location == "path":
                path[parameter.name] = value
        return ValidatedRequest(query=query, path=path, body=None, problem=None)


def _shortcut(openapi: OpenAPI, document: Mapping[str, Any], path: str, method: str) -> _Shortcut | None:
    """The shorter way of an operation of `document` (the spec `openapi` reads), or None when it has a body, or a
    parameter or a security scheme openapi-core must read itself."""
    spec = openapi.spec
    item = spec / "paths" / path
    operation = item / method
    if "requestBody" in operation:
        return None
    unmarshaller: Any = openapi.request_unmarshaller  # openapi-core's own: its schema validators' factory and formats
    parameters = []
    seen = set()
    for parameter in [*operation.get("parameters", []), *item.get("parameters", [])]:
        with parameter.resolve() as resolved:
            declared: dict[str, Any] = dict(resolved.contents)
        key = (declared.get("name"), declared.get("in"))
        if key in seen:  # a path item's parameter the operation overrides: openapi-core skips it too
            continue
        seen.add(key)
        schema_path = parameter / "schema"
        with schema_path.resolve() as resolved:
            schema: dict[str, Any] = dict(resolved.contents)
        kind = schema.get("type")
        if (
            not set(declared) <= _FAST_PARAMETER_KEYS
            or declared.get("in") not in ("query", "path", "header")
            or not isinstance(kind, str)
            or schema.get("format") not in _FAST_TYPES.get(kind, frozenset())
            or any(name in schema for name in _COMPOSED)
        ):
            return None
        validator = unmarshaller.schema_validators_factory.create(
            spec,
            schema_path,
            format_validators=unmarshaller.format_validators,
            extra_format_validators=unmarshaller.extra_format_validators,
            forbid_unspecified_additional_properties=unmarshaller.forbid_unspecified_additional_properties,
            enforce_properties_required=unmarshaller.enforce_properties_required,
        ).validator
        parameters.append(
            _Parameter(
                name=declared["name"],
                location=declared["in"],
                required=bool(declared.get("required", False)),
                integer=kind == "integer",
                default=schema.get("default", _NO_DEFAULT),
                # A pure function of a hashable value (an int, a str): kept for the values met most often (a page size).
                is_valid=lru_cache(maxsize=256, typed=True)(validator.is_valid),
            )
        )
    security = _security(document, document["paths"][path][method])
    if security is None:
        return None
    return _Shortcut(tuple(parameters), security or None)


def _security(
    document: Mapping[str, Any], operation: Mapping[str, Any]
) -> tuple[tuple[tuple[str, str], ...], ...] | None:
    """The keys the operation's security accepts, as `_Shortcut.security` (empty when it needs none); None when one of
    its schemes is not an API key in a header or the query (openapi-core checks those itself)."""
    requirements = operation["security"] if "security" in operation else document.get("security")
    schemes = document.get("components", {}).get("securitySchemes", {})
    accepted = []
    for requirement in requirements or []:
        needs = []
        for name in requirement:
            if name not in schemes:
                continue  # openapi-core takes a scheme the document does not define as met
            scheme = schemes[name]
            if scheme.get("type") != "apiKey" or scheme.get("in") not in ("header", "query"):
                return None
            needs.append((scheme["in"], scheme["name"]))
        accepted.append(tuple(needs))
    return tuple(accepted)


class RequestValidator:
    """Checks requests against the operations of a spec."""

    def __init__(self, spec: dict[str, Any], *, shortcuts: bool = True) -> None:
        """`shortcuts`: whether a valid request to an operation that allows it takes the shorter way (see the
        module's docstring); without, every request goes through openapi-core, what the shorter way is proven
        equal to."""
        config = Config(
            extra_format_validators={
                "date-time": lambda value: not isinstance(value, str) or is_date_time(value),
                # jsonschema checks `uri` only with a package the sandbox does not need: the SDK's rule, the same.
                "uri": lambda value: not isinstance(value, str) or is_absolute_uri(value),
            },
            extra_format_unmarshallers={"date-time": _date_time_text},
            extra_media_type_deserializers={_JSON: strict_json},
            # Both documents the sandbox serves are checked with openapi-spec-validator by the tests (openapi.json
            # by tests/test_spec.py, the helpers' by tests/test_sandbox_helpers.py); checking them again at every
            # start was half of a sandbox's start-up time. (openapi-core skips the check on None, which its
            # annotation leaves out.)
            spec_validator_cls=None,  # type: ignore[arg-type]
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
        self._shortcuts = {key: _shortcut(self._openapi, spec, *key) for key in operations} if shortcuts else {}
        # Where openapi-core finds the operation of a URL: a pure function of the method, the host and the path, kept.
        self._finds = lru_cache(maxsize=1024)(self._found_operation)

    def validate(self, request: Request, body: bytes = b"", *, template: str) -> ValidatedRequest:
        """`request` (with `body`, its bytes, read by the caller) against its operation, whose path in the spec is
        `template` (`/v1/calls/{callId}`): the first problem, or its parameters and JSON body."""
        method = _method(request)
        operation = (template, method)
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
        shortcut = self._shortcuts.get(operation)
        # Where openapi-core would find the operation: by `StarletteOpenAPIRequest.host_url` and the path, joined.
        if (
            shortcut is not None
            and self._finds(method, str(request.base_url), _operation_path(request, template)) == operation
        ):
            validated = shortcut.validate(request)
            if validated is not None:
                return validated
        result = self._openapi.unmarshal_request(_Request(request, body=body or None, template=template))
        problems = [_describe(error) for error in result.errors if not isinstance(error, SecurityValidationError)]
        if problems:
            return _problem(problems[0])
        return ValidatedRequest(
            query=dict(result.parameters.query), path=dict(result.parameters.path), body=document, problem=None
        )

    def _found_operation(self, method: str, host_url: str, path: str) -> tuple[str, str] | None:
        """The operation (its path in the spec, its method) openapi-core finds for `method` and the URL of `path` on
        `host_url`, as it finds it when it checks a request; None when it finds none."""
        finder: Any = self._openapi.request_unmarshaller  # openapi-core's own, with its path finder
        try:
            found, operation, *_ = finder.path_finder.find(method, urljoin(host_url, path))
        except PathError:
            return None
        return (found.parts[-1], operation.parts[-1])


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
