"""Arguments checked against the constraints `openapi.json` states, before any request is sent; and the one JSON
Schema walker of the SDK, which webhook deliveries are checked with too (`pilotstatus.webhooks`).

The rules are not written here: they are read from `pilotstatus_api.request_schemas`, which `make generate` writes
from the spec beside the generated client (and `webhook_schemas` for the deliveries). This module only knows how to
apply the JSON Schema keywords the spec uses (`SUPPORTED`; a test fails if the spec starts using another in a request
or a webhook), in `conform`, and how to word a failure so that it names the argument: `to='call me' must match
^\\+?[0-9]{7,15}$`. What differs for a delivery (a failure names the JSON key, a whole float where an integer is
expected becomes an int, a `date-time` is read as the model reads it) is said by its caller, not walked again.

One rule is not the spec's, because JSON Schema cannot state it: every string sent, anywhere in a request (keys and
the values of open objects included), must have a UTF-8 form, which a lone surrogate has not (see `_lone_surrogate`).
"""

from __future__ import annotations

import datetime
import operator
import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, NamedTuple, TypeAlias

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
        "const",
    }
)
"""The keywords `conform` applies: those the spec uses, in a request or a webhook."""

# The types `json` decodes each JSON type to: the usual case, tested first by the exact type (see `_is_a`).
_EXACT_TYPES: dict[str, tuple[type, ...]] = {"string": (str,), "integer": (int,), "number": (int, float),
    "boolean": (bool,), "null": (type(None),), "object": (dict,), "array": (list,)}  # fmt: skip
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
        check_value(value, parameter["schema"], parameter.get("argument") or python_name(parameter["name"]))


def check_query(operation_id: str, params: Mapping[str, object]) -> None:
    """Check the query parameters of `operation_id` (by their API names), as they are about to be sent."""
    for parameter in _operations()[operation_id]["query"]:
        name = parameter["name"]
        argument = parameter.get("argument") or python_name(name)
        if name in params:
            check_value(params[name], parameter["schema"], argument)
        elif parameter["required"]:
            raise InvalidInputError(f"{argument} is required.")


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
        problem = _unsendable(value, where)
        if problem is None:
            conform(value, schema, FORMATS)
    except RefusedError as refused:
        problem = _worded(refused, where)
    except RecursionError:  # nested deeper than any JSON encoder goes: it could not be sent either
        problem = f"{where or 'the body'} is nested too deeply to be sent as JSON."
    if problem is not None:
        raise InvalidInputError(problem)


def _unsendable(value: object, where: str) -> str | None:
    """What makes `value` impossible to send, worded for the caller, or None."""
    found = _lone_surrogate(value)
    if found is None:
        return None
    where = _located(where, found.path)
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


def _located(where: str, path: tuple[str | int, ...]) -> str:
    """Where a value `path` (keys and indexes) inside the argument `where` is, as the SDK names it:
    `call_hours.weekly_operating_hours[1].day_of_week`."""
    for step in path:
        where = f"{where}[{step}]" if isinstance(step, int) else _join(where, step)
    return where


def _worded(refused: RefusedError, argument: str) -> str:
    """What `refused` says is wrong in the argument `argument`, worded for the caller."""
    where, value, limit = _located(argument, refused.path), refused.value, refused.limit
    rule = refused.rule
    if rule == "type":
        wanted = " or ".join("null (None)" if t == "null" else f"a{'n' if t[0] in 'aeiou' else ''} {t}" for t in limit)
        return f"{where or 'the body'} must be {wanted}, not {type(value).__name__}."
    if rule == "enum":
        return f"{_named(where, value)} must be one of {', '.join(map(repr, limit))}."
    if rule == "const":
        return f"{_named(where, value)} must be {limit!r}."
    if rule == "minLength":
        return f"{where} must not be empty." if limit == 1 else f"{where} must be at least {limit} characters long."
    if rule == "maxLength":
        return f"{where} must be at most {limit} characters long."
    if rule == "pattern":
        if value.isspace():  # said plainly: whatever the pattern wants, it is not blank
            return f"{where} must not be blank: {_shown(value)} is only whitespace."
        return f"{_named(where, value)} must match {limit}."
    if rule == "format":
        return f"{_named(where, value)} {limit}."
    if rule in ("minimum", "maximum"):
        return f"{_named(where, value)} must be at {'least' if rule == 'minimum' else 'most'} {limit}."
    if rule == "required":
        return f"{where} is required."
    if rule in ("minItems", "maxItems"):
        return f"{where} must have at {'least' if rule == 'minItems' else 'most'} {limit} items."
    forbidden = limit.get("enum")  # "not"
    if forbidden is not None:
        return f"{where or 'the value'} must not be {' or '.join(map(repr, forbidden))}."
    return f"{_named(where, value)} is not allowed here."


# --- the walker -----------------------------------------------------------------------------------------------------


class RefusedError(Exception):
    """What a schema refuses in a value, for its caller to word: `rule` is the keyword that refused it, `value` the
    value refused (for `required`, the object), `limit` what the keyword states (the types allowed, for `type`; the
    missing key, for `required`; for `format`, what the value fails to be: "is not an absolute URI"), `path` the keys
    and indexes from the value checked to the one refused (to the missing key, for `required`)."""

    def __init__(self, rule: str, value: Any, limit: Any) -> None:
        super().__init__(rule)
        self.rule, self.value, self.limit = rule, value, limit
        self._steps: list[str | int] = []  # innermost first: each level adds its own as the refusal goes up

    @property
    def path(self) -> tuple[str | int, ...]:
        return tuple(reversed(self._steps))

    def under(self, step: str | int) -> RefusedError:
        self._steps.append(step)
        return self


Format: TypeAlias = Callable[[str], str | None]
"""A `format`'s check: what a string fails to be for it ("is not an absolute URI"), or None."""


def conform(value: Any, schema: Mapping[str, Any], formats: Mapping[str, Format], *, whole_floats: bool = False) -> Any:
    """`value` if it satisfies `schema`, else `RefusedError`. Only the keywords of `SUPPORTED` are applied, and of the
    `format`s, those `formats` checks (JSON Schema allows any other to pass). With `whole_floats`, a whole number
    written as a float (`120.0`) where an integer is expected comes back an int, in a copy of what holds it."""
    declared = schema.get("type")
    if declared is not None:
        if isinstance(declared, str):  # the usual: one type
            if not _is_a(value, declared):
                raise RefusedError("type", value, (declared,))
        elif not any(_is_a(value, json_type) for json_type in declared):
            raise RefusedError("type", value, tuple(declared))
        if whole_floats and isinstance(value, float):
            types = (declared,) if isinstance(declared, str) else declared
            if "integer" in types and "number" not in types:
                value = int(value)  # a whole number, or it would not be an integer
    if "const" in schema and value != schema["const"]:
        raise RefusedError("const", value, schema["const"])
    if "enum" in schema and value not in schema["enum"]:
        raise RefusedError("enum", value, schema["enum"])
    if isinstance(value, str):  # the usual, first
        if len(value) < schema.get("minLength", 0):
            raise RefusedError("minLength", value, schema["minLength"])
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            raise RefusedError("maxLength", value, schema["maxLength"])
        if "pattern" in schema and _pattern(schema["pattern"]).search(value) is None:
            raise RefusedError("pattern", value, schema["pattern"])
        if "format" in schema:
            check = formats.get(schema["format"])
            failed = None if check is None else check(value)
            if failed is not None:
                raise RefusedError("format", value, failed)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            raise RefusedError("minimum", value, schema["minimum"])
        if "maximum" in schema and value > schema["maximum"]:
            raise RefusedError("maximum", value, schema["maximum"])
    elif value is None:
        pass
    elif isinstance(value, Mapping):  # (after the str and number tests: an ABC's isinstance is slow)
        value = _conform_object(value, schema, formats, whole_floats)
    elif isinstance(value, (list, tuple)):
        value = _conform_array(value, schema, formats, whole_floats)
    for member in schema.get("allOf", ()):
        value = conform(value, member, formats, whole_floats=whole_floats)
    if "anyOf" in schema:
        value = _conform_any(value, schema["anyOf"], formats, whole_floats)
    if "not" in schema:
        try:
            conform(value, schema["not"], formats)
        except RefusedError:
            pass
        else:
            raise RefusedError("not", value, schema["not"])
    return value


def _conform_object(
    value: Mapping[str, Any], schema: Mapping[str, Any], formats: Mapping[str, Format], whole_floats: bool
) -> Mapping[str, Any]:
    for key in schema.get("required", ()):
        if key not in value:
            raise RefusedError("required", value, key).under(key)
    changed: dict[str, Any] = {}
    for key, prop in schema.get("properties", {}).items():
        if key in value:
            item = value[key]
            try:
                conformed = conform(item, prop, formats, whole_floats=whole_floats)
            except RefusedError as refused:
                raise refused.under(key) from None
            if conformed is not item:
                changed[key] = conformed
    return {**value, **changed} if changed else value


def _conform_array(
    value: list[Any] | tuple[Any, ...], schema: Mapping[str, Any], formats: Mapping[str, Format], whole_floats: bool
) -> list[Any] | tuple[Any, ...]:
    if len(value) < schema.get("minItems", 0):
        raise RefusedError("minItems", value, schema["minItems"])
    if "maxItems" in schema and len(value) > schema["maxItems"]:
        raise RefusedError("maxItems", value, schema["maxItems"])
    if "items" not in schema:
        return value
    conformed = list(value)
    for index, item in enumerate(value):
        try:
            conformed[index] = conform(item, schema["items"], formats, whole_floats=whole_floats)
        except RefusedError as refused:
            raise refused.under(index) from None
    return conformed if any(map(operator.is_not, conformed, value)) else value


def _conform_any(
    value: Any, members: list[Mapping[str, Any]], formats: Mapping[str, Format], whole_floats: bool
) -> Any:
    """`value` as the first of `members` it satisfies. When none does, what the first member of its type refuses (an
    enum's value, say), or, when no member is of its type, every type they allow."""
    refusals: list[RefusedError] = []
    for member in members:
        try:
            return conform(value, member, formats, whole_floats=whole_floats)
        except RefusedError as refused:
            refusals.append(refused)
    for member, refusal in zip(members, refusals, strict=True):
        if "type" not in member or any(_is_a(value, json_type) for json_type in _types(member)):
            raise refusal
    allowed = [json_type for member in members for json_type in _types(member)]
    raise RefusedError("type", value, tuple(dict.fromkeys(allowed)))


def _types(schema: Mapping[str, Any]) -> list[str]:
    declared = schema.get("type", [])
    return [declared] if isinstance(declared, str) else list(declared)


def _is_a(value: object, json_type: str) -> bool:
    """Whether `value` is of the JSON Schema type `json_type` (a bool is no number; a float with no fraction is an
    integer, as JSON Schema says; a tuple is an array, as the SDK sends it)."""
    if type(value) in _EXACT_TYPES.get(json_type, ()):  # the usual: the type `json` decodes it to
        return True
    if json_type == "string":
        return isinstance(value, str)
    if json_type == "null":
        return value is None
    if json_type == "boolean":
        return isinstance(value, bool)
    if json_type == "integer":
        return (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and value.is_integer()
        )
    if json_type == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if json_type == "object":
        return isinstance(value, Mapping)
    return json_type == "array" and isinstance(value, (list, tuple))


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


def _uri(value: str) -> str | None:
    return None if is_absolute_uri(value) else "is not an absolute URI"


def _date_time(value: str) -> str | None:
    match = _RFC3339.fullmatch(value)
    if match is None or not _is_date(match.group(1)):
        return "is not an RFC 3339 date-time (such as 2026-01-29T12:00:00.000Z)"
    return None


def _date(value: str) -> str | None:
    return None if _is_date(value) else "is not a date (YYYY-MM-DD)"


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


FORMATS: Mapping[str, Format] = {"uri": _uri, "date-time": _date_time, "date": _date}
"""The `format`s checked, each the one home of its rule; others are not checked, as JSON Schema allows. A caller may
read one otherwise (`webhooks` reads a delivery's `date-time` as its model does)."""
