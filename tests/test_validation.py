"""Arguments are checked against the constraints `openapi.json` states, by a checker that agrees with JSON Schema.

The checker (`pilotstatus._validation`) applies the keywords the spec uses in requests; these tests prove that it
reads them as a JSON Schema validator does (on the spec's own request schemas and on values drawn at random), that
the generated constraints are the spec's, and that every failure names the argument.
"""

from __future__ import annotations

import importlib.util
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from pilotstatus import InvalidInputError
from pilotstatus._validation import SUPPORTED, check_value, python_name
from pilotstatus_api.request_schemas import REQUEST_SCHEMAS
from tests._spec import ROOT, load_spec


def _tool() -> Any:
    """`tools/generate.py`, the writer of the generated constraints (tools/ is not a package)."""
    spec = importlib.util.spec_from_file_location("request_schemas_tool", ROOT / "tools" / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOOL = _tool()


def _schemas() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for op_id, entry in REQUEST_SCHEMAS.items():
        for parameter in entry["path"] + entry["query"]:
            found.append((f"{op_id} {parameter['name']}", parameter["schema"]))
        if entry["body"] is not None:
            found.append((f"{op_id} body", entry["body"]))
    return found


SCHEMAS = _schemas()


def _keywords(node: Any) -> set[str]:
    if isinstance(node, list):
        return set().union(*map(_keywords, node)) if node else set()
    if not isinstance(node, dict):
        return set()
    found = set(node)
    for key, value in node.items():
        if key == "properties":
            found |= set().union(*map(_keywords, value.values())) if value else set()
        elif key in ("items", "not", "anyOf", "allOf"):
            found |= _keywords(value)
    return found


def test_the_generated_constraints_are_those_of_openapi_json() -> None:
    assert TOOL.request_schemas(load_spec()) == REQUEST_SCHEMAS
    assert (ROOT / "generated" / "pilotstatus_api" / "request_schemas.py").is_file()


def test_the_checker_supports_every_keyword_the_spec_uses_in_a_request() -> None:
    used = set().union(*(_keywords(schema) for _, schema in SCHEMAS))
    assert used <= SUPPORTED
    # One checker for requests and webhooks: it supports what the writer keeps in either, and nothing more.
    assert SUPPORTED == TOOL.VALIDATION_KEYWORDS | TOOL.WEBHOOK_KEYWORDS


def test_every_operation_has_its_constraints() -> None:
    spec_ids = {op["operationId"] for item in load_spec()["paths"].values() for op in item.values()}
    assert {entry["operation_id"] for entry in REQUEST_SCHEMAS.values()} == spec_ids
    # Each area's operations are generated into the package of its tag (`api/calls`, `api/templates`).
    api = ROOT / "generated" / "pilotstatus_api" / "api"
    modules = {path.stem for path in api.glob("*/*.py")} - {"__init__"}
    assert set(REQUEST_SCHEMAS) == modules


def _verdict(value: Any, schema: dict[str, Any]) -> bool:
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER).is_valid(value)


def _ours(value: Any, schema: dict[str, Any]) -> bool:
    try:
        check_value(value, schema, "x")
    except InvalidInputError:
        return False
    return True


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 200)
    | st.text(max_size=12)
    | st.sampled_from(
        [
            "+5511999999999",
            "https://example.com/a.mp3",
            "ftp://x",
            "talk",
            "listen",
            "ENABLED",
            "0900",
            "2526",
            "2026-12-25",
            "2026-13-01",
            ".",
            "..",
            "",
            "v=0",
            "MONDAY",
            "DISABLE_ALL",
        ]
    ),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                [
                    "to",
                    "sdp",
                    "mode",
                    "mediaUrl",
                    "status",
                    "call_hours",
                    "weekly_operating_hours",
                    "day_of_week",
                    "open_time",
                    "close_time",
                    "text",
                    "timezone_id",
                    "date",
                ]
            ),
            children,
            max_size=4,
        )
    ),
    max_leaves=8,
)


@given(value=JSON_VALUES)
def test_the_checker_agrees_with_json_schema_on_any_value(value: Any) -> None:
    # The values are drawn whatever the schema, so each value is checked against every request schema: each schema
    # meets as many values as with a test of its own, for one draw instead of one a schema.
    for where, written in SCHEMAS:
        schema = json.loads(json.dumps(written))  # as JSON: tuples as lists
        # "format": "uri" needs an extra package in jsonschema to be checked; the spec pairs it with a pattern anyway.
        agree = _ours(value, schema) == _verdict(value, _without_uri_format(schema))
        assert agree or _uri_only_difference(value, schema) or _final_newline_difference(value, schema), where


def _without_uri_format(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _without_uri_format(v) for k, v in node.items() if not (k == "format" and v == "uri")}
    if isinstance(node, list):
        return [_without_uri_format(item) for item in node]
    return node


def _final_newline_difference(value: Any, schema: dict[str, Any]) -> bool:
    """Our checker reads `$` as ECMA-262 does (the very end); python-jsonschema's `re.search` lets it match before a
    final newline too. Only a string ending in a newline can be read differently."""
    return _has_final_newline(value) and not _ours(value, schema)


def _has_final_newline(value: Any) -> bool:
    if isinstance(value, str):
        return value.endswith("\n")
    if isinstance(value, dict):
        return any(map(_has_final_newline, value.values()))
    if isinstance(value, list):
        return any(map(_has_final_newline, value))
    return False


def test_a_final_newline_does_not_satisfy_a_pattern_that_ends_with_dollar() -> None:
    assert not _ours("5511999999999\n", {"pattern": "^[0-9]+$"})
    assert _ours("5511999999999", {"pattern": "^[0-9]+$"})
    assert _ours("a$", {"pattern": "^a[$]$"})
    assert _ours("a$", {"pattern": "^a\\$$"})


def _uri_only_difference(value: Any, schema: dict[str, Any]) -> bool:
    """Our checker also refuses a string that is no absolute URI where the spec says `format: uri`."""
    return not _ours(value, schema) and _ours(value, _without_uri_format(schema))


@pytest.mark.parametrize(
    ("value", "schema", "message"),
    [
        ("call me", {"type": "string", "pattern": "^[0-9]+$"}, "to='call me' must match ^[0-9]+$."),
        ("shout", {"type": "string", "enum": ["talk", "listen"]}, "to='shout' must be one of 'talk', 'listen'."),
        ("", {"type": "string", "minLength": 1}, "to must not be empty."),
        ("..", {"type": "string", "not": {"enum": [".", ".."]}}, "to must not be '.' or '..'."),
        (7, {"type": "string"}, "to must be a string, not int."),
        ({}, {"type": "object", "required": ["status"]}, "to.status is required."),
        (
            {"weeklyHours": [{"openTime": "9am"}]},
            {"properties": {"weeklyHours": {"items": {"properties": {"openTime": {"pattern": "^[0-9]{4}$"}}}}}},
            "to.weekly_hours[0].open_time='9am' must match ^[0-9]{4}$.",
        ),
        ("x" * 100, {"type": "string", "maxLength": 3}, "to must be at most 3 characters long."),
        ("relative/path", {"type": "string", "format": "uri"}, "to='relative/path' is not an absolute URI."),
        (
            "2026-02-30T00:00:00Z",
            {"type": "string", "format": "date-time"},
            "to='2026-02-30T00:00:00Z' is not an RFC 3339 date-time (such as 2026-01-29T12:00:00.000Z).",
        ),
        ("2026-02-30", {"type": "string", "format": "date"}, "to='2026-02-30' is not a date (YYYY-MM-DD)."),
        ("listen", {"const": "talk"}, "to='listen' must be 'talk'."),
        # anyOf: what the member of the value's type refuses, or every type allowed when no member is of its type
        (5, {"anyOf": [{"type": "string"}, {"type": "integer", "minimum": 10}]}, "to=5 must be at least 10."),
        ([1], {"anyOf": [{"type": "string"}, {"type": "null"}]}, "to must be a string or null (None), not list."),
        (" \t", {"type": "string", "pattern": "\\S"}, "to must not be blank: ' \\t' is only whitespace."),
        (
            "call_\ud800",
            {"type": "string"},
            "to holds a lone surrogate ('\\ud800' at position 5), which has no UTF-8 form and cannot be sent.",
        ),
        (
            {"weeklyHours": [{"dayOfWeek": "MON\udcff"}]},
            {"type": "object"},  # an open object: its strings are sent all the same
            "to.weekly_hours[0].day_of_week holds a lone surrogate ('\\udcff' at position 3), which has no UTF-8"
            " form and cannot be sent.",
        ),
        (
            {"ok": 1, "\udcffx": 2},
            {"type": "object"},
            "to has a key that holds a lone surrogate ('\\udcff' at position 0), which has no UTF-8 form and cannot"
            " be sent.",
        ),
    ],
)
def test_a_failure_names_the_argument_and_the_rule(value: Any, schema: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        check_value(value, schema, "to")
    assert str(caught.value) == message


@given(
    text=st.builds(
        lambda before, surrogate, after: before + surrogate + after,
        st.text(max_size=5),
        st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
        st.text(max_size=5),
    ),
    depth=st.integers(0, 3),
)
def test_a_lone_surrogate_is_refused_wherever_it_is_and_the_message_can_be_printed(text: str, depth: int) -> None:
    value: Any = text
    for level in range(depth):
        value = {"inner": value} if level % 2 else [value]
    with pytest.raises(InvalidInputError) as caught:
        check_value(value, {}, "to")  # no rule of the spec's: the surrogate alone is refused
    message = str(caught.value)
    assert message.startswith("to")
    assert "lone surrogate" in message
    message.encode("utf-8")  # the message itself holds none


def test_a_long_bad_value_is_shortened_in_the_message() -> None:
    with pytest.raises(InvalidInputError) as caught:
        check_value("y" * 500, {"pattern": "^x"}, "sdp")
    assert len(str(caught.value)) < 120


@pytest.mark.parametrize(
    ("name", "python"),
    [("mediaUrl", "media_url"), ("bizOpaqueCallbackData", "biz_opaque_callback_data"), ("call_hours", "call_hours")],
)
def test_api_field_names_are_given_as_the_sdks_argument_names(name: str, python: str) -> None:
    assert python_name(name) == python


# --- open enums are closed on write -----------------------------------------------------------------------------


def _open_enums(node: Any) -> list[Any]:
    """Every `anyOf` in a schema that holds an enum beside a bare string: the open-enum idiom (a string beside a list,
    as a COPY_CODE button's `example` is, is no enum)."""
    if isinstance(node, list):
        return [found for item in node for found in _open_enums(item)]
    if not isinstance(node, dict):
        return []
    members = node.get("anyOf", [])
    enum = any("enum" in member or "$ref" in member for member in members)  # in the spec, the enum is a `$ref`
    found = [node] if {"type": "string"} in members and enum else []
    return found + [found_inside for value in node.values() for found_inside in _open_enums(value)]


def test_the_spec_reads_nested_enums_open_but_the_generated_constraints_close_them() -> None:
    spec = load_spec()
    call_hours = spec["components"]["schemas"]["CallHours"]
    assert _open_enums(call_hours) != []  # a value Meta adds later must still parse when read
    assert [where for where, schema in SCHEMAS if _open_enums(schema)] == []
    body = REQUEST_SCHEMAS["put_calls_settings"]["body"]["properties"]["call_hours"]
    assert body["properties"]["status"] == {"type": "string", "enum": ["ENABLED", "DISABLED"]}
    day = body["properties"]["weekly_operating_hours"]["items"]["properties"]["day_of_week"]
    assert day["enum"] == ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"]


ENUM = {"$ref": "#/components/schemas/Mode"}
TOY_SPEC = {"components": {"schemas": {"Mode": {"type": "string", "enum": ["a", "b"], "description": "A mode."}}}}


@pytest.mark.parametrize(
    ("schema", "written"),
    [
        ({"anyOf": [ENUM, {"type": "string"}]}, {"type": "string", "enum": ["a", "b"]}),
        ({"anyOf": [{"type": "string", "description": "Later ones."}, ENUM]}, {"type": "string", "enum": ["a", "b"]}),
        (
            {"anyOf": [ENUM, {"type": "string"}], "not": {"enum": ["b"]}},
            {"not": {"enum": ["b"]}, "anyOf": [{"type": "string", "enum": ["a", "b"]}]},
        ),
        ({"anyOf": [ENUM, {"type": "null"}]}, {"anyOf": [{"type": "string", "enum": ["a", "b"]}, {"type": "null"}]}),
        (
            {"anyOf": [{"type": "string"}, {"type": "integer"}]},
            {"anyOf": [{"type": "string"}, {"type": "integer"}]},
        ),
    ],
    ids=["open enum", "string first", "beside another keyword", "nullable enum", "no enum"],
)
def test_the_writer_closes_the_open_enum_idiom_and_no_other_any_of(schema: Any, written: Any) -> None:
    assert TOOL._resolve(TOY_SPEC, schema) == written
