"""Drift: what one response holds that `openapi.json` does not say, each difference with where it stands in the spec.

JSON Schema validation cannot find drift on its own: the spec is open on purpose (a field the server adds is allowed,
and each enum the server may grow is `anyOf: [the enum, string]`), so a response carrying a new field or a new
status value is valid. `analyse` reads a response as the spec would describe it if it were closed: every field of an
object must be one of its properties, every value of an open enum one of its values. It walks the body along the
schema (following `$ref`, merging `allOf`, choosing the `anyOf` member the value is valid against) and leaves each
leaf's own constraints to `jsonschema`, with the SDK's rules for the formats (`pilotstatus._validation`).

Each `Finding` says what kind of difference it is, where (a JSON Pointer into `openapi.json`, so that a patch can be
written from it), the value seen, and whether it breaks the SDK: a missing required field, a value of another type
(or a date-time that does not parse), a value outside a closed enum, a 2xx answer the SDK cannot read. The rest is
additive (a new field, a new value of an open enum, a new status code or header) or `stricter-than-upstream`: a
constraint of ours the deployment does not keep.
"""

from __future__ import annotations

import json
import typing
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any, Literal

import jsonpointer
import jsonschema
import referencing
import referencing.jsonschema

from pilotstatus._validation import FORMATS

__all__ = [
    "ADDITIVE",
    "KINDS",
    "STANDARD_HEADERS",
    "Analysis",
    "Finding",
    "Kind",
    "SpecIndex",
    "escape",
    "json_type",
    "node_at",
]

Kind = Literal[
    "unknown-field",
    "unknown-enum-value",
    "missing-required",
    "type-mismatch",
    "undocumented-status",
    "undocumented-content-type",
    "undocumented-header",
    "stricter-than-upstream",
]
KINDS: tuple[Kind, ...] = typing.get_args(Kind)
ADDITIVE: frozenset[Kind] = frozenset(
    {"unknown-field", "unknown-enum-value", "undocumented-status", "undocumented-header"}
)
"""The kinds a spec patch can adopt by adding to the spec, never removing or tightening anything."""

STANDARD_HEADERS = frozenset(
    {
        # HTTP itself (RFC 9110, 9111, 9112) and its common extensions: the transport's, not the API's.
        "accept-ranges",
        "age",
        "allow",
        "alt-svc",
        "cache-control",
        "connection",
        "content-disposition",
        "content-encoding",
        "content-language",
        "content-length",
        "content-location",
        "content-range",
        "content-type",
        "date",
        "etag",
        "expires",
        "keep-alive",
        "last-modified",
        "link",
        "location",
        "pragma",
        "retry-after",
        "server",
        "set-cookie",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "vary",
        "via",
        "www-authenticate",
        # CORS and the browser security headers a web server or CDN adds to every answer.
        "access-control-allow-credentials",
        "access-control-allow-headers",
        "access-control-allow-methods",
        "access-control-allow-origin",
        "access-control-expose-headers",
        "access-control-max-age",
        "content-security-policy",
        "cross-origin-embedder-policy",
        "cross-origin-opener-policy",
        "cross-origin-resource-policy",
        "nel",
        "permissions-policy",
        "referrer-policy",
        "report-to",
        "strict-transport-security",
        "x-content-type-options",
        "x-frame-options",
        "x-xss-protection",
    }
)
"""Response headers that are never drift: they belong to HTTP, not to the API's contract."""

_DATE_FORMATS = frozenset({"date-time", "date"})
"""Formats the SDK parses into a value (a `datetime`, a `date`): a value that does not parse breaks it."""

_STRUCTURE = frozenset({"properties", "required", "items", "allOf", "anyOf", "oneOf", "$ref", "additionalProperties"})


def node_at(document: Any, pointer: str) -> Any:
    """The value at a JSON Pointer (RFC 6901) in `document`; `jsonpointer.JsonPointerException` when there is none."""
    return jsonpointer.resolve_pointer(document, pointer)


def escape(token: str) -> str:
    """`token` as one segment of a JSON Pointer (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


def json_type(value: Any) -> str:
    """The JSON type of a decoded value, as JSON Schema names it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


@dataclass(frozen=True)
class Finding:
    """One difference between a response and the spec."""

    kind: Kind
    pointer: str
    """Where in `openapi.json` the difference stands (for a new item: where it would be added)."""
    where: str
    """The same for a person: `Call.recordingUrl`, `header X-Region`, `status 502`."""
    value: Any
    """The value seen (a field's value, a header's, an error body...), not yet redacted."""
    breaks_sdk: bool
    scope: str
    """The pointer whose count of visits is this finding's denominator (the objects, values or responses checked)."""
    detail: str = ""
    """What tells apart two findings at one pointer: an enum's value, the constraint a value breaks."""
    expected: str = ""
    """What the spec says instead (`integer`, `pattern ^[0-9]+$`), where that helps a reader."""
    media_type: str = ""
    """For a new status code: the media type of the body seen."""


@dataclass
class Analysis:
    """The findings of one response, and what was checked (for each finding's denominator)."""

    findings: list[Finding] = field(default_factory=list)
    visits: Counter[str] = field(default_factory=Counter)


class SpecIndex:
    """`openapi.json`, read for drift: its operations by operationId, and a `jsonschema` validator for any schema in
    it (resolving `$ref`s within the document)."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.spec = spec
        resource = referencing.Resource.from_contents(
            dict(spec), default_specification=referencing.jsonschema.DRAFT202012
        )
        self._registry: referencing.Registry[Any] = referencing.Registry().with_resource(_BASE, resource)
        self._leaves: dict[str, jsonschema.protocols.Validator | None] = {}
        """By schema pointer: a validator of the schema's own keywords (None when it has none), built once."""
        self._format_checker = jsonschema.FormatChecker(formats=())
        for form in ("date-time", "date", "uri"):
            self._format_checker.checks(form)(lambda value, form=form: _format_holds(value, form))

    @cached_property
    def operations(self) -> dict[str, tuple[str, str, Mapping[str, Any]]]:
        """operationId -> (method, path, operation)."""
        found: dict[str, tuple[str, str, Mapping[str, Any]]] = {}
        for path, item in self.spec.get("paths", {}).items():
            for method, operation in item.items():
                if isinstance(operation, dict) and "operationId" in operation:
                    found[operation["operationId"]] = (method, path, operation)
        return found

    def operation_pointer(self, operation_id: str) -> str:
        method, path, _ = self.operations[operation_id]
        return f"/paths/{escape(path)}/{method}"

    def node(self, pointer: str) -> Any:
        """The spec's value at a JSON Pointer."""
        return node_at(self.spec, pointer)

    def resolve(self, schema: Mapping[str, Any], pointer: str) -> tuple[Mapping[str, Any], str]:
        """`schema` with its `$ref` chain followed (local references only), and the pointer of where it ends."""
        seen = set()
        while "$ref" in schema and isinstance(schema["$ref"], str) and schema["$ref"].startswith("#/"):
            pointer = schema["$ref"][1:]
            if pointer in seen:
                break  # a cycle of references: the schema stays as it is
            seen.add(pointer)
            schema = self.node(pointer)
        return schema, pointer

    def is_valid(self, value: Any, pointer: str) -> bool:
        """Whether `value` is valid against the schema at `pointer` (the spec's open schemas: drift stays valid)."""
        return self._validator(pointer).is_valid(value)

    def leaf_errors(self, value: Any, schema: Mapping[str, Any], pointer: str) -> Iterator[jsonschema.ValidationError]:
        """The errors of `value` against `schema`'s own keywords, leaving out those that look inside it (properties,
        items, members), which `analyse` walks itself."""
        if pointer not in self._leaves:
            own = {key: item for key, item in schema.items() if key not in _STRUCTURE}
            self._leaves[pointer] = (
                jsonschema.Draft202012Validator(own, format_checker=self._format_checker) if own else None
            )
        validator = self._leaves[pointer]
        return iter(()) if validator is None else validator.iter_errors(value)

    @cache  # noqa: B019 (one index per spec, alive for the whole run)
    def _validator(self, pointer: str) -> jsonschema.protocols.Validator:
        validator: jsonschema.protocols.Validator = jsonschema.Draft202012Validator(
            {"$ref": f"{_BASE}#{pointer}"}, registry=self._registry, format_checker=self._format_checker
        )
        return validator

    def analyse(
        self, operation_id: str, status: int, headers: Mapping[str, list[str]], content: bytes
    ) -> Analysis | None:
        """The drift of one response to `operation_id` (headers: lower-case names, each with its values); None for an
        operation the spec does not have."""
        if operation_id not in self.operations:
            return None
        return _Walk(self, operation_id).response(status, headers, content)


_BASE = "urn:pilotstatus:openapi"


def _format_holds(value: object, form: str) -> bool:
    check = FORMATS.get(form)
    return not isinstance(value, str) or check is None or check(value) is None


def _declared_types(schema: Mapping[str, Any]) -> set[str]:
    declared = schema.get("type")
    if declared is None:
        return set()
    return {declared} if isinstance(declared, str) else set(declared)


def _admits(types: set[str], value: Any) -> bool:
    """Whether a declared `type` (empty: any) admits `value`'s JSON type (an integer is a number)."""
    kind = json_type(value)
    return not types or kind in types or (kind == "integer" and "number" in types)


def _name(pointer: str) -> str:
    """A schema's name for a reader: its component's name, or the last segments of an inline schema's pointer."""
    parts = pointer.split("/")
    if len(parts) == 4 and parts[1:3] == ["components", "schemas"]:
        return parts[3]
    return "/".join(part.replace("~1", "/").replace("~0", "~") for part in parts[-2:])


class _Walk:
    """One response, walked along the schema of its operation."""

    def __init__(self, index: SpecIndex, operation_id: str) -> None:
        self.index = index
        self.operation_id = operation_id
        self.analysis = Analysis()

    def _found(
        self, kind: Kind, pointer: str, where: str, value: Any, *, breaks: bool, scope: str, **more: str
    ) -> None:
        self.analysis.findings.append(Finding(kind, pointer, where, value, breaks, scope, **more))

    def response(self, status: int, headers: Mapping[str, list[str]], content: bytes) -> Analysis:
        _, _, operation = self.index.operations[self.operation_id]
        responses = operation.get("responses", {})
        base = f"{self.index.operation_pointer(self.operation_id)}/responses"
        self.analysis.visits[base] += 1
        media_type = (headers.get("content-type") or [""])[0].split(";")[0].strip().lower()
        code = next((key for key in (str(status), f"{status // 100}XX", "default") if key in responses), None)
        if code is None:
            body = _decoded(content, media_type)
            self._found(
                "undocumented-status",
                f"{base}/{status}",
                f"status {status}",
                body,
                breaks=200 <= status < 300,  # a success the SDK would try to read as the documented one
                scope=base,
                detail=str(status),
                media_type=media_type,
            )
            return self.analysis
        # A shared response (`components/responses`) is followed: what it lacks is reported, and adopted, there.
        documented, pointer = self.index.resolve(responses[code], f"{base}/{escape(code)}")
        self.analysis.visits[pointer] += 1
        self._headers(documented, pointer, headers)
        self._body(documented, pointer, status, media_type, content)
        return self.analysis

    def _headers(self, documented: Mapping[str, Any], pointer: str, headers: Mapping[str, list[str]]) -> None:
        known = {name.lower() for name in documented.get("headers", {})}
        for name, values in headers.items():
            if name in known or name in STANDARD_HEADERS or not values:
                continue
            shown = "-".join(part.capitalize() for part in name.split("-"))
            self._found(
                "undocumented-header",
                f"{pointer}/headers/{escape(shown)}",
                f"header {shown}",
                values[0],
                breaks=False,
                scope=pointer,
                detail=name,
            )

    def _body(self, documented: Mapping[str, Any], pointer: str, status: int, media_type: str, content: bytes) -> None:
        declared = documented.get("content") or {}
        if not content and not declared:
            return
        if media_type not in declared:
            self._found(
                "undocumented-content-type",
                f"{pointer}/content/{escape(media_type or '(none)')}",
                f"content type {media_type or '(none)'}",
                _decoded(content, media_type),
                breaks=200 <= status < 300,
                scope=pointer,
                detail=media_type,
                expected=", ".join(sorted(declared)),
            )
            return
        schema = declared[media_type].get("schema")
        if schema is None or not (media_type == "application/json" or media_type.endswith("+json")):
            return
        schema_pointer = f"{pointer}/content/{escape(media_type)}/schema"
        try:
            body = json.loads(content)
        except ValueError:
            self._found(
                "type-mismatch",
                schema_pointer,
                "body",
                content[:200].decode("utf-8", "replace"),
                breaks=True,
                scope=pointer,
                expected="JSON",
            )
            return
        self.value(body, schema, schema_pointer, "body")

    # --- the body, along its schema ---------------------------------------------------------------------------

    def value(self, value: Any, schema: Mapping[str, Any], pointer: str, where: str) -> None:
        self.analysis.visits[pointer] += 1
        schema, resolved = self.index.resolve(schema, pointer)
        if resolved != pointer:
            pointer = resolved
            self.analysis.visits[pointer] += 1
        members_key = "anyOf" if "anyOf" in schema else "oneOf" if "oneOf" in schema else None
        if members_key is not None:
            self._alternatives(value, schema, pointer, where, members_key)
            return
        if isinstance(value, dict) and ("properties" in schema or "allOf" in schema):
            self._object(value, schema, pointer, where)
            return
        if "allOf" in schema:  # an allOf that is not an object's: each member holds
            for position, member in enumerate(schema["allOf"]):
                self.value(value, member, f"{pointer}/allOf/{position}", where)
            return
        self._leaf(value, schema, pointer, where)
        if isinstance(value, list) and "items" in schema and _admits(_declared_types(schema), value):
            for item in value:
                self.value(item, schema["items"], f"{pointer}/items", f"{where}[]")

    def _alternatives(self, value: Any, schema: Mapping[str, Any], pointer: str, where: str, key: str) -> None:
        members = [self.index.resolve(member, f"{pointer}/{key}/{i}") for i, member in enumerate(schema[key])]
        enums = [(member, at) for member, at in members if "enum" in member]
        open_to_strings = any(
            _declared_types(member) == {"string"} and "enum" not in member and "const" not in member
            for member, _ in members
        )
        if len(enums) == 1 and open_to_strings and isinstance(value, str):
            # The open enum (`anyOf: [Enum, string]`): a value outside the enum is valid, and drift.
            enum, at = enums[0]
            self.analysis.visits[f"{at}/enum"] += 1
            if value not in enum["enum"]:
                self._found(
                    "unknown-enum-value",
                    f"{at}/enum",
                    where,
                    value,
                    breaks=False,
                    scope=f"{at}/enum",
                    detail=value,
                    expected=_name(at),
                )
            return
        for member, at in members:
            if self.index.is_valid(value, at):
                self.value(value, member, at, where)
                return
        # Valid against no member: the one of the value's type says why (else the value has no admitted type).
        for member, at in members:
            if _admits(_declared_types(member), value) and (_declared_types(member) or "properties" in member):
                self.value(value, member, at, where)
                return
        self._mismatch(value, pointer, where, " or ".join(sorted(_schema_types(self.index, schema, pointer))))

    def _object(self, value: dict[str, Any], schema: Mapping[str, Any], pointer: str, where: str) -> None:
        properties: dict[str, tuple[Mapping[str, Any], str]] = {}
        required: list[str] = []
        home = self._gather(schema, pointer, properties, required)
        if home != pointer:  # `value` counted the object at its own pointer; count it where its fields live too
            self.analysis.visits[home] += 1
        name = _name(home)
        self._leaf(value, schema, pointer, where)
        for key in required:
            if key not in value:
                at = properties[key][1] if key in properties else f"{home}/required"
                self._found("missing-required", at, f"{name}.{key}", None, breaks=True, scope=home, detail=key)
        for key, item in value.items():
            if key in properties:
                sub_schema, at = properties[key]
                self.value(item, sub_schema, at, f"{name}.{key}")
            else:
                self._found(
                    "unknown-field",
                    f"{home}/properties/{escape(key)}",
                    f"{name}.{key}",
                    item,
                    breaks=False,
                    scope=home,
                    detail=key,
                )

    def _gather(
        self,
        schema: Mapping[str, Any],
        pointer: str,
        properties: dict[str, tuple[Mapping[str, Any], str]],
        required: list[str],
    ) -> str:
        """Collect an object schema's properties and required keys, through `allOf`; return its home: the schema a
        new field is proposed on (an `allOf`'s first member with properties: `CallDetail` -> `Call`, whose fields
        every call has)."""
        home = pointer if "properties" in schema else ""
        for position, member in enumerate(schema.get("allOf", [])):
            resolved, at = self.index.resolve(member, f"{pointer}/allOf/{position}")
            member_home = self._gather(resolved, at, properties, required)
            home = home or member_home
        for key, sub_schema in schema.get("properties", {}).items():
            properties.setdefault(key, (sub_schema, f"{pointer}/properties/{escape(key)}"))
        required.extend(key for key in schema.get("required", []) if key not in required)
        return home or pointer

    def _leaf(self, value: Any, schema: Mapping[str, Any], pointer: str, where: str) -> None:
        types = _declared_types(schema)
        if not _admits(types, value):
            self._mismatch(value, pointer, where, " or ".join(sorted(types)))
            return
        for error in self.index.leaf_errors(value, schema, pointer):
            keyword = str(error.validator)
            if keyword == "type":
                self._mismatch(value, pointer, where, " or ".join(sorted(types)))
            elif keyword == "enum":  # a closed enum: the SDK refuses a value outside it
                self._found(
                    "unknown-enum-value",
                    f"{pointer}/enum",
                    where,
                    value,
                    breaks=True,
                    scope=f"{pointer}/enum",
                    detail=json.dumps(value),
                    expected=_name(pointer),
                )
            elif keyword == "const" or (keyword == "format" and schema.get("format") in _DATE_FORMATS):
                self._mismatch(value, pointer, where, f"{keyword} {json.dumps(schema.get(keyword))}")
            else:
                constraint = f"{keyword} {json.dumps(schema.get(keyword))}"
                self._found(
                    "stricter-than-upstream",
                    f"{pointer}/{escape(keyword)}",
                    where,
                    value,
                    breaks=False,
                    scope=pointer,
                    detail=constraint,
                    expected=constraint,
                )
        if "enum" in schema:
            self.analysis.visits[f"{pointer}/enum"] += 1

    def _mismatch(self, value: Any, pointer: str, where: str, expected: str) -> None:
        self._found(
            "type-mismatch",
            pointer,
            where,
            value,
            breaks=True,
            scope=pointer,
            detail=f"{json_type(value)} for {expected}",
            expected=expected,
        )


def _schema_types(index: SpecIndex, schema: Mapping[str, Any], pointer: str) -> set[str]:
    """The JSON types a schema admits, through its `anyOf`/`oneOf` members."""
    types = _declared_types(schema)
    for key in ("anyOf", "oneOf"):
        for position, member in enumerate(schema.get(key, [])):
            resolved, at = index.resolve(member, f"{pointer}/{key}/{position}")
            types |= _schema_types(index, resolved, at)
    if not types and "properties" in schema:
        types.add("object")
    return types


def _decoded(content: bytes, media_type: str) -> Any:
    """A body as a sample: the JSON value it holds, else its text."""
    if not content:
        return None
    if media_type == "application/json" or media_type.endswith("+json"):
        try:
            return json.loads(content)
        except ValueError:
            pass
    return content.decode("utf-8", "replace")
