"""Arguments checked against the constraints `openapi.json` states, before any request is sent.

The rules are not written here: they are read from `pilotstatus_api.request_schemas`, which `make generate` writes
from the spec beside the generated client. This module only knows how to apply the JSON Schema keywords that spec
uses in requests (`SUPPORTED`; a test fails if the spec starts using another), and how to word a failure so that it
names the argument: `to='call me' must match ^\\+?[0-9]{7,15}$`.

One rule is not the spec's, because JSON Schema cannot state it: every string sent, anywhere in a request (keys and
the values of open objects included), must have a UTF-8 form, which a lone surrogate has not (see `_lone_surrogate`).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from functools import cache
from typing import Any, NamedTuple

from ._exceptions import InvalidInputError

SUPPORTED = frozenset(
    {
        "type",
        "enum",
        "pattern",
        "format",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "minItems",
        "maxItems",
        "required",
        "properties",
        "items",
        "anyOf",
        "allOf",
        "not",
    }
)

_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "object": (Mapping,),
    "array": (list, tuple),
    "null": (type(None),),
}
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SHOWN = 60  # characters of a bad value quoted in a message


@cache  # the spec's field names are few, and a name is needed for every argument of every request
def python_name(name: str) -> str:
    """The argument name the SDK gives an API field: `mediaUrl` is `media_url`."""
    return _CAMEL.sub("_", name).lower()


@cache
def _operations() -> dict[str, dict[str, Any]]:
    from pilotstatus_api.request_schemas import REQUEST_SCHEMAS  # loaded on the first request that needs it

    return REQUEST_SCHEMAS


def check_path(operation_id: str, *values: object) -> None:
    """Check the path parameters of `operation_id`, given in the order the spec lists them."""
    for parameter, value in zip(_operations()[operation_id]["path"], values, strict=True):
        check_value(value, parameter["schema"], python_name(parameter["name"]))


def check_query(operation_id: str, params: Mapping[str, object]) -> None:
    """Check the query parameters of `operation_id` (by their API names), as they are about to be sent."""
    for parameter in _operations()[operation_id]["query"]:
        name = parameter["name"]
        if name in params:
            check_value(params[name], parameter["schema"], python_name(name))
        elif parameter["required"]:
            raise InvalidInputError(f"{python_name(name)} is required.")


def check_body(operation_id: str, body: object) -> None:
    """Check the JSON body of `operation_id` as it is about to be sent."""
    schema = _operations()[operation_id]["body"]
    if schema is not None and body is not None:
        check_value(body, schema, "")


def check_body_field(operation_id: str, field: str, value: object) -> None:
    """Check one field of the JSON body of `operation_id` on its own (an argument given as the API's JSON object,
    before it is parsed into a model), so that a failure names the field inside it."""
    schema = _operations()[operation_id]["body"]["properties"][field]
    check_value(value, schema, python_name(field))


def check_value(value: object, schema: Mapping[str, Any], where: str) -> None:
    """Raise `InvalidInputError`, naming `where`, unless `value` (JSON) satisfies `schema` and can be sent."""
    try:
        problem = _unsendable(value, where) or _problem(value, schema, where)
    except RecursionError:  # nested deeper than any JSON encoder goes: it could not be sent either
        problem = f"{where or 'the body'} is nested too deeply to be sent as JSON."
    if problem is not None:
        raise InvalidInputError(problem)


def _unsendable(value: object, where: str) -> str | None:
    """What makes `value` impossible to send, worded for the caller, or None."""
    found = _lone_surrogate(value)
    if found is None:
        return None
    for step in found.path:
        where = f"{where}[{step}]" if isinstance(step, int) else _join(where, step)
    holder = f"{where or 'the body'} has a key that" if found.in_key else (where or "the body")
    return (
        f"{holder} holds a lone surrogate ({found.text[found.position]!a} at position {found.position}), which"
        " has no UTF-8 form and cannot be sent."
    )


class _Surrogate(NamedTuple):
    """Where a lone surrogate is: in which string (`text`, at `position`), itself at `path` (keys and indexes), or a
    key of the object at `path` when `in_key`."""

    path: tuple[str | int, ...]
    text: str
    position: int
    in_key: bool = False

    def under(self, step: str | int) -> _Surrogate:
        return self._replace(path=(step, *self.path))


def _lone_surrogate(value: object) -> _Surrogate | None:
    """The first lone surrogate in `value`, or None.

    JSON and URLs are UTF-8, and a lone surrogate (half of a UTF-16 pair, as Python makes of bytes that are not
    UTF-8 in a file name, an environment variable or a command line) has no UTF-8 form: httpx would fail on it with a
    `UnicodeEncodeError` while encoding the request. Every string is looked at, keys included, and those of an object
    the spec leaves open (`voicemail`), since they are sent all the same. The path is kept as keys, not words, until
    a surrogate is found: most requests have none."""
    if isinstance(value, str):
        if value.isascii():  # the usual case, and much faster than encoding
            return None
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            return _Surrogate((), value, error.start)
        return None
    if isinstance(value, Mapping):
        for key, item in value.items():
            in_key = _lone_surrogate(key)
            if in_key is not None:
                return in_key._replace(in_key=True)
            inner = _lone_surrogate(item)
            if inner is not None:
                return inner.under(str(key))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            inner = _lone_surrogate(item)
            if inner is not None:
                return inner.under(index)
    return None


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _named(where: str, value: object) -> str:
    return f"{where}={_shown(value)}" if where else _shown(value)


def _is_type(value: object, json_type: str) -> bool:
    if isinstance(value, bool) and json_type in ("integer", "number"):
        return False
    if json_type == "integer" and isinstance(value, float):
        return value.is_integer()
    return isinstance(value, _JSON_TYPES[json_type])


def _problem(value: object, schema: Mapping[str, Any], where: str) -> str | None:
    """What is wrong with `value` against `schema`, worded for the caller, or None."""
    declared = schema.get("type")
    if declared is not None and not (isinstance(declared, str) and _is_type(value, declared)):  # the usual: one type
        types = [declared] if isinstance(declared, str) else list(declared)
        if not any(_is_type(value, json_type) for json_type in types):
            wanted = " or ".join(
                "null (None)" if t == "null" else f"a{'n' if t[0] in 'aeiou' else ''} {t}" for t in types
            )
            return f"{where or 'the body'} must be {wanted}, not {type(value).__name__}."
    if "enum" in schema and value not in schema["enum"]:
        choices = ", ".join(repr(choice) for choice in schema["enum"])
        return f"{_named(where, value)} must be one of {choices}."
    if isinstance(value, str):
        if schema.get("minLength", 0) > len(value):
            return (
                f"{where} must not be empty."
                if schema["minLength"] == 1
                else (f"{where} must be at least {schema['minLength']} characters long.")
            )
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            return f"{where} must be at most {schema['maxLength']} characters long."
        if "pattern" in schema and _pattern(schema["pattern"]).search(value) is None:
            if value.isspace():  # said plainly: whatever the pattern wants, it is not blank
                return f"{where} must not be blank: {_shown(value)} is only whitespace."
            return f"{_named(where, value)} must match {schema['pattern']}."
        format_problem = _format_problem(value, schema.get("format"))
        if format_problem is not None:
            return f"{_named(where, value)} is not {format_problem}."
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            return f"{_named(where, value)} must be at least {schema['minimum']}."
        if "maximum" in schema and value > schema["maximum"]:
            return f"{_named(where, value)} must be at most {schema['maximum']}."
    elif isinstance(value, Mapping):  # (after the str and number tests: an ABC's isinstance is slow)
        for name in schema.get("required", []):
            if name not in value:
                return f"{_join(where, name)} is required."
        for name, prop in schema.get("properties", {}).items():
            if name in value:
                problem = _problem(value[name], prop, _join(where, name))
                if problem is not None:
                    return problem
    elif isinstance(value, (list, tuple)):
        if "minItems" in schema and len(value) < schema["minItems"]:
            return f"{where} must have at least {schema['minItems']} items."
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            return f"{where} must have at most {schema['maxItems']} items."
        if "items" in schema:
            for index, item in enumerate(value):
                problem = _problem(item, schema["items"], f"{where}[{index}]")
                if problem is not None:
                    return problem
    for member in schema.get("allOf", []):
        problem = _problem(value, member, where)
        if problem is not None:
            return problem
    if "anyOf" in schema:
        problems = [_problem(value, member, where) for member in schema["anyOf"]]
        if all(problem is not None for problem in problems):
            return problems[0]
    if "not" in schema and _problem(value, schema["not"], where) is None:
        refused = schema["not"].get("enum")
        if refused is not None:
            return f"{where or 'the value'} must not be {' or '.join(map(repr, refused))}."
        return f"{_named(where, value)} is not allowed here."
    return None


@cache
def _pattern(pattern: str) -> re.Pattern[str]:
    r"""A JSON Schema `pattern` (ECMA-262) as a Python regex. They agree on what the spec's patterns use, but for `$`:
    in Python it also matches before a final newline, in ECMA-262 only at the very end, so it becomes `\Z`
    (`'5511999999999\n'` is no phone number)."""
    translated, escaped, in_class = [], False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == "$" and not in_class:
            translated.append(r"\Z")
            continue
        translated.append(char)
    return re.compile("".join(translated))


def _join(where: str, name: str) -> str:
    name = python_name(name)
    return f"{where}.{name}" if where else name


def _format_problem(value: str, form: str | None) -> str | None:
    """What `value` fails to be for a `format`, or None. Formats not listed here are not checked, as JSON Schema
    allows."""
    if form == "uri":
        if not is_absolute_uri(value):
            return "an absolute URI"
    elif form == "date-time":
        match = _RFC3339.fullmatch(value)
        if match is None or not _is_date(match.group(1)):
            return "an RFC 3339 date-time (such as 2026-01-29T12:00:00.000Z)"
    elif form == "date" and not _is_date(value):
        return "a date (YYYY-MM-DD)"
    return None


# RFC 3986: a scheme, `:`, then only the characters a URI may hold (unreserved, reserved, and %-escapes): no space,
# no control character, nothing beyond ASCII (an IRI must be percent-encoded to be a URI).
_ABSOLUTE_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})+")


def is_absolute_uri(value: str) -> bool:
    """Whether `value` is an absolute URI (RFC 3986), what `format: uri` means: the one home of that rule, which the
    sandbox applies too."""
    return _ABSOLUTE_URI.fullmatch(value) is not None


# RFC 3339's date-time: a full date, `T`, hours, minutes, seconds (60 for a leap second), an optional fraction, and
# `Z` or an offset.
_RFC3339 = re.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2})[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?"
    r"([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])"
)


def _is_date(text: str) -> bool:
    """Whether `text` is a full date, YYYY-MM-DD, that exists."""
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True
