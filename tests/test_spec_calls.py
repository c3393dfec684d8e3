"""What `openapi.json` says of the whole Calls API beyond List calls: typed bodies, the documented errors of each
operation, the tenant-key header, and the links that chain a started call to the operations on it."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pilotstatus_api import catalogue
from tests._operations import OPERATIONS as ORACLE
from tests._spec import JSON, component_schema, inlined, load_spec, media_examples, operations, resolve, validator

SPEC = load_spec()
OPERATIONS = {
    operation["operationId"]: (path, method, inlined(SPEC, operation)) for path, method, operation in operations(SPEC)
}
CALL_OPERATIONS = sorted(op_id for op_id, (path, _, _) in OPERATIONS.items() if "{callId}" in path)

# Which kind of number cannot use which operation: the catalogue's `providers` (checked below against the examples
# the spec documents for it, which follow the official Python SDK and the documentation pages).
KINDS = {"META": "Meta", "EVO_GO": "web"}
NOT_ON = [
    (entry.operation_id, kind)
    for entry in catalogue.OPERATIONS
    for kind in KINDS
    if entry.providers is not None and kind not in entry.providers
]


def messages(schema: JSON, instance: Any) -> list[str]:
    return [error.message for error in validator(schema).iter_errors(instance)]


def success_schema(operation: JSON) -> JSON:
    (status,) = [status for status in operation["responses"] if status.startswith("2")]
    schema: JSON = operation["responses"][status]["content"]["application/json"]["schema"]
    return schema


def examples_of(operation: JSON, status: str) -> list[Any]:
    return media_examples(operation["responses"][status]["content"]["application/json"])


def test_the_calls_operations_of_the_spec_are_the_oracles_and_list_calls() -> None:
    calls = {entry.operation_id for entry in catalogue.OPERATIONS if entry.area == "calls"}
    assert calls == {op.operation_id for op in ORACLE} | {"get_calls"}
    assert calls <= set(OPERATIONS)


@pytest.mark.parametrize("op_id", sorted(OPERATIONS))
def test_every_success_is_a_named_schema_and_its_example_matches_it(op_id: str) -> None:
    operation = OPERATIONS[op_id][2]
    schema = success_schema(operation)
    named = schema["items"] if schema.get("type") == "array" else schema  # a bare list of them (List templates)
    assert set(named) == {"$ref"}, "a 2xx body is a named component, never an inline (PostCallsResponse200) model"
    name = named["$ref"].rsplit("/", 1)[1]
    assert component_schema(name)["title"] == name
    (status,) = [status for status in operation["responses"] if status.startswith("2")]
    assert examples_of(operation, status)
    for example in examples_of(operation, status):
        assert messages(schema, example) == []


WITH_BODY = sorted(op_id for op_id, (_, _, operation) in OPERATIONS.items() if "requestBody" in operation)


def test_the_calls_operations_that_take_a_body_are_those_the_oracle_sends_one_with() -> None:
    calls = {entry.operation_id for entry in catalogue.OPERATIONS if entry.area == "calls"}
    assert set(WITH_BODY) & calls == {op.operation_id for op in ORACLE if op.body is not None}


@pytest.mark.parametrize("op_id", WITH_BODY)
def test_every_request_body_is_a_named_schema(op_id: str) -> None:
    body = OPERATIONS[op_id][2]["requestBody"]
    schema = body["content"]["application/json"]["schema"]
    assert set(schema) == {"$ref"}
    name = schema["$ref"].rsplit("/", 1)[1]
    assert component_schema(name)["title"] == name


@pytest.mark.parametrize("op_id", CALL_OPERATIONS)
def test_every_call_operation_documents_call_not_found(op_id: str) -> None:
    operation = OPERATIONS[op_id][2]
    assert {"code": "CALL_NOT_FOUND", "error": "Call not found"} in examples_of(operation, "404")
    assert operation["responses"]["404"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"
    }


@pytest.mark.parametrize(("op_id", "provider"), NOT_ON, ids=[f"{op_id}-{provider}" for op_id, provider in NOT_ON])
def test_an_operation_a_provider_cannot_use_shows_feature_not_supported(op_id: str, provider: str) -> None:
    operation = OPERATIONS[op_id][2]
    examples = operation["responses"]["400"]["content"]["application/json"]["examples"]
    provider_examples = [e for e in examples.values() if f"on {KINDS[provider]} numbers" in e["summary"]]
    assert [e["value"]["code"] for e in provider_examples] == ["FEATURE_NOT_SUPPORTED"]


@pytest.mark.parametrize("op_id", sorted(OPERATIONS))
def test_an_operation_every_provider_serves_documents_no_provider_refusal(op_id: str) -> None:
    entry = catalogue.BY_ID[op_id]
    for provider, kind in KINDS.items():
        if entry.providers is None or provider in entry.providers:
            examples = OPERATIONS[op_id][2]["responses"].get("400", {}).get("content", {})
            summaries = [
                example.get("summary", "")
                for media in examples.values()
                for example in media.get("examples", {}).values()
            ]
            assert not [summary for summary in summaries if f"on {kind} numbers" in summary], (op_id, kind)


def test_the_calls_providers_are_those_the_documentation_gives() -> None:
    # calls-more.md section 1: settings, permissions and pre-accept are Meta's alone; play and realtime-session
    # the web numbers'.
    methods = {(catalogue.BY_ID[op_id].sdk_method, provider) for op_id, provider in NOT_ON}
    assert {(method, provider) for method, provider in methods if method and method.startswith("calls.")} == {
        ("calls.pre_accept", "EVO_GO"), ("calls.settings.retrieve", "EVO_GO"), ("calls.settings.update", "EVO_GO"),
        ("calls.permissions.retrieve", "EVO_GO"), ("calls.permissions.request", "EVO_GO"),
        ("calls.play", "META"), ("calls.realtime_session", "META"),
    }  # fmt: skip


@pytest.mark.parametrize("op_id", sorted(OPERATIONS))
def test_every_operation_on_a_number_takes_an_optional_whatsapp_number_id_header(op_id: str) -> None:
    parameters = {(p["name"], p["in"]): p for p in OPERATIONS[op_id][2].get("parameters", [])}
    entry = catalogue.BY_ID[op_id]
    assert (("x-whatsapp-number-id", "header") in parameters) is entry.number_header
    if entry.scope == "number":
        header = parameters[("x-whatsapp-number-id", "header")]
        assert header["required"] is False
        assert header["schema"]["type"] == "string"


def test_start_call_links_its_id_to_every_operation_on_a_call() -> None:
    links = OPERATIONS["post_calls"][2]["responses"]["200"]["links"]
    assert {link["operationId"] for link in links.values()} == set(CALL_OPERATIONS)
    for link in links.values():
        assert link["parameters"] == {"callId": "$response.body#/id"}


def test_the_permission_codes_are_in_the_open_error_code_enum_with_their_status_undocumented() -> None:
    codes = component_schema("ErrorCode")
    for code in ("META_CALL_PERMISSION_REQUIRED", "META_CALL_PERMISSION_REQUEST_LIMIT", "CALL_NOT_FOUND"):
        assert code in codes["enum"]
    assert "not documented" in codes["description"]
    error = component_schema("Error")
    assert messages(error, {"error": "x", "code": "META_CALL_PERMISSION_REQUIRED"}) == []
    assert messages(error, {"error": "x", "code": "A_CODE_ADDED_LATER"}) == []
    assert messages(error, {"error": "x", "code": 138006}) != []


def test_a_call_requires_only_what_the_sources_guarantee() -> None:
    call = component_schema("Call")
    assert set(call["required"]) == {"id", "externalCallId", "direction", "status", "createdAt"}
    minimal = {"id": "call_1", "externalCallId": None, "direction": "OUTBOUND", "status": "MISSED",
               "createdAt": "2026-07-03T15:00:00.000Z"}  # fmt: skip
    assert messages(call, minimal) == []
    for field in ("fromNumber", "conversationId", "bizOpaqueCallbackData", "errorCode", "errorMessage", "peerNumber"):
        assert messages(call, {**minimal, field: None}) == [], field
        assert messages(call, {**minimal, field: "text"}) == [], field


def test_a_call_detail_is_a_call_with_its_sdps() -> None:
    detail = component_schema("CallDetail")
    assert detail["allOf"][0] == {"$ref": "#/components/schemas/Call"}
    call = {"id": "call_1", "externalCallId": "wacid.1", "direction": "INBOUND", "status": "RINGING",
            "createdAt": "2026-07-03T15:00:00.000Z"}  # fmt: skip
    assert messages(detail, {**call, "sdpOffer": "v=0\r\n", "sdpAnswer": None}) == []
    assert messages(detail, {**call, "sdpOffer": 1}) != []
    assert messages(detail, {"sdpOffer": "v=0"}) != []  # still a call: its required fields are required


@pytest.mark.parametrize(
    "name", ["CallingSettings", "CallHours", "CallPermission", "CallPermissionAction", "Voicemail"]
)
def test_settings_and_permission_objects_keep_fields_added_later(name: str) -> None:
    schema = component_schema(name)
    assert schema.get("additionalProperties", True) is not False
    required: dict[str, JSON] = {
        "CallHours": {"status": "DISABLED"},
        "CallPermission": {"permission": {"status": "temporary"}},
        "CallPermissionAction": {"action_name": "start_call"},
    }
    base = required.get(name, {})
    assert messages(schema, {**base, "a_field_meta_adds": {"nested": [1]}}) == []


def test_meta_settings_shapes_validate() -> None:
    settings = {
        "status": "ENABLED", "call_icon_visibility": "DISABLE_ALL", "callback_permission_status": "ENABLED",
        "call_hours": {
            "status": "ENABLED", "timezone_id": "America/Sao_Paulo",
            "weekly_operating_hours": [{"day_of_week": "MONDAY", "open_time": "0900", "close_time": "1800"}],
            "holiday_schedule": [{"date": "2026-12-25", "start_time": "0000", "end_time": "2359"}],
        },
        "sip": {"status": "DISABLED"}, "call_icons": {"restrict_to_user_countries": ["BR"]},
    }  # fmt: skip
    assert messages(component_schema("CallingSettingsEnvelope"), {"calling": settings}) == []
    bad_hours = {"status": "ENABLED", "weekly_operating_hours": [{"day_of_week": "MONDAY", "open_time": "9am",
                                                                  "close_time": "1800"}]}  # fmt: skip
    assert messages(component_schema("CallHours"), bad_hours) != []


STRICTER = [
    ("get_calls", "limit"),
    ("get_calls", "before"),
    ("get_calls_callId", "includeSdp"),
    ("get_calls_permissions", "to"),
    *((op_id, "callId") for op_id in CALL_OPERATIONS),
]


@pytest.mark.parametrize(("op_id", "name"), STRICTER)
def test_a_parameter_stricter_than_upstream_says_so(op_id: str, name: str) -> None:
    (parameter,) = [p for p in OPERATIONS[op_id][2]["parameters"] if p["name"] == name]
    text = parameter.get("description", "") + parameter["schema"].get("description", "")
    assert "Stricter than upstream" in text


@pytest.mark.parametrize(
    ("schema", "field"),
    [
        ("StartCallRequest", "to"),
        ("StartCallRequest", "bizOpaqueCallbackData"),
        ("CallPermissionRequest", "to"),
        ("CallingSettingsUpdate", "status"),
    ],
)
def test_a_body_field_stricter_than_upstream_says_so(schema: str, field: str) -> None:
    assert "Stricter than upstream" in component_schema(schema)["properties"][field]["description"]


@pytest.mark.parametrize(
    ("schema", "body", "valid"),
    [
        ("StartCallRequest", {"to": "+5511999999999"}, True),
        ("StartCallRequest", {"to": "5511999999999", "sdp": "v=0", "bizOpaqueCallbackData": "order-42"}, True),
        ("StartCallRequest", {"to": "call me"}, False),
        ("StartCallRequest", {"to": "+5511999999999", "sdp": ""}, False),
        ("StartCallRequest", {"to": "+5511999999999", "bizOpaqueCallbackData": "x" * 512}, True),
        ("StartCallRequest", {"to": "+5511999999999", "bizOpaqueCallbackData": "x" * 513}, False),
        ("SdpAnswer", {"sdp": ""}, False),
        ("AcceptCallRequest", {}, True),
        ("PlayAudioRequest", {"mediaUrl": "https://example.com/a.mp3"}, True),
        ("PlayAudioRequest", {"mediaUrl": "ftp://example.com/a.mp3"}, False),
        ("RealtimeSessionRequest", {"mode": "talk"}, True),
        ("RealtimeSessionRequest", {"mode": "shout"}, False),
        ("CallPermissionRequest", {"to": "+5511999999999", "text": "Podemos te ligar"}, True),
    ],
)
def test_request_bodies_state_their_constraints(schema: str, body: JSON, valid: bool) -> None:
    assert (messages(component_schema(schema), body) == []) is valid


def test_the_settings_update_cannot_carry_a_sip_object_by_name() -> None:
    assert "sip" not in component_schema("CallingSettingsUpdate")["properties"]


@pytest.mark.parametrize("op_id", CALL_OPERATIONS)
@pytest.mark.parametrize(
    ("call_id", "valid"),
    [
        ("call_01HZX", True),
        ("wacid.ABGG/x y", True),
        ("x" * 256, True),
        ("x" * 257, False),
        ("", False),
        ("   ", False),
        ("\t\n", False),
        (".", False),
        ("..", False),
    ],
    ids=lambda value: repr(value)[:12] if isinstance(value, str) else str(value),
)
def test_a_call_id_is_at_most_256_characters_and_not_blank(op_id: str, call_id: str, valid: bool) -> None:
    (parameter,) = [p for p in OPERATIONS[op_id][2]["parameters"] if p["name"] == "callId"]
    assert (messages(resolve(SPEC, parameter["schema"]), call_id) == []) is valid


# ECMA-262's whitespace (`\\s` in JSON Schema's patterns): its WhiteSpace and LineTerminator code points, every
# space separator (Zs) among them. Python's `\\s` also holds U+001C..U+001F and U+0085, which are not.
ECMA_WHITESPACE = frozenset("\t\n\v\f\r\ufeff\u2028\u2029") | {
    chr(code) for code in range(0x110000) if unicodedata.category(chr(code)) == "Zs"
}


@settings(max_examples=300)
@given(st.characters(codec="utf-8") | st.sampled_from(sorted(ECMA_WHITESPACE | set("\x1c\x1d\x1e\x1f\x85"))))
def test_a_call_id_is_blank_exactly_when_json_schema_reads_it_as_whitespace(character: str) -> None:
    """The pattern spells the whitespace set out, so that the SDK, the sandbox (Python) and schemathesis or any
    validator (ECMA-262) agree on which call ids are blank: with `\\S`, a call id of U+001E was valid to a contract
    run and a 400 to the sandbox."""
    (parameter,) = [p for p in OPERATIONS["get_calls_callId"][2]["parameters"] if p["name"] == "callId"]
    schema = resolve(SPEC, parameter["schema"])
    blank = character in ECMA_WHITESPACE
    assert (messages(schema, character * 3) == []) is not blank
    assert (re.search(schema["pattern"], character) is None) is blank


def test_include_sdp_takes_only_the_documented_value() -> None:
    (parameter,) = [p for p in OPERATIONS["get_calls_callId"][2]["parameters"] if p["name"] == "includeSdp"]
    assert resolve(SPEC, parameter["schema"])["enum"] == ["1"]
