"""What `openapi.json` says of the call and message webhooks: one signed POST per documented event in the OpenAPI 3.1
`webhooks` section, its body described by `CallEvent` or `CallPermissionUpdatedEvent` (flat), or by the `{event, data}`
envelope of its message event (`MessageEvent`, `MessageFailedEvent`, ...), requiring the keys the official SDK
requires (null where it allows null), open to values and fields added later; and the schemas generated from it."""

from __future__ import annotations

import importlib.util
import json
import re
import typing
from collections.abc import Iterator
from typing import Any

import pytest
from pilot_status.webhooks import parse_customer_webhook  # type: ignore[import-untyped]
from pilot_status.webhooks import types as official_types

from pilotstatus_api.webhook_schemas import WEBHOOK_SCHEMAS
from tests._spec import (
    JSON,
    ROOT,
    component_schema,
    load_spec,
    media_examples,
    resolve,
    validator,
    webhook_operations,
)

SPEC = load_spec()
WEBHOOKS = {name: operation for name, method, operation in webhook_operations(SPEC) if method == "post"}
SIGNATURE_HEADER = "x-pilot-status-signature"

# The events and the statuses each carries, as the documentation pages (Webhooks for calls) list them.
DOCUMENTED_STATUSES = {
    "call.ringing": {"RINGING"},
    "call.connected": {"ACCEPTED"},
    "call.ended": {"COMPLETED", "FAILED", "REJECTED"},
    "call.missed": {"MISSED"},
    "call.permission_updated": {"NO_PERMISSION", "TEMPORARY", "PERMANENT"},
}
# The message events, each with the schema of its body: sent, delivered and read share one shape.
MESSAGE_SCHEMA_OF = {
    "message.sent": "MessageEvent",
    "message.delivered": "MessageEvent",
    "message.read": "MessageEvent",
    "message.failed": "MessageFailedEvent",
    "message.received": "MessageReceivedEvent",
    "message.reply": "MessageReplyEvent",
    "message.group": "MessageGroupEvent",
    "message.newsletter": "MessageNewsletterEvent",
}
SCHEMA_OF = {name: "CallPermissionUpdatedEvent" if name.startswith("call.permission") else "CallEvent" for name in
             DOCUMENTED_STATUSES} | MESSAGE_SCHEMA_OF  # fmt: skip
# The example the official SDK's notes give of a call.ended payload, as they spell it.
SDK_EXAMPLE = {
    "event": "call.ended",
    "callId": "call_1",
    "externalCallId": "wacid.ABGG",
    "direction": "OUTBOUND",
    "status": "COMPLETED",
    "from": "5511888888888",
    "to": "5511999999999",
    "timestamp": "2026-07-03T15:02:05.000Z",
    "duration": 120,
}


def messages(schema: JSON, instance: Any) -> list[str]:
    return [error.message for error in validator(schema).iter_errors(instance)]


def body_media(operation: JSON) -> JSON:
    media: JSON = operation["requestBody"]["content"]["application/json"]
    return media


def examples(name: str) -> list[JSON]:
    return media_examples(body_media(WEBHOOKS[name]))


def test_the_webhooks_section_has_one_post_per_documented_event_and_nothing_else() -> None:
    assert set(SPEC["webhooks"]) == set(SCHEMA_OF)
    assert [method for _, method, _ in webhook_operations(SPEC)] == ["post"] * len(SCHEMA_OF)


@pytest.mark.parametrize("name", sorted(SCHEMA_OF))
def test_each_webhook_requires_the_hex_hmac_signature_header_and_no_api_key(name: str) -> None:
    operation = WEBHOOKS[name]
    (header,) = operation["parameters"]
    assert (header["name"], header["in"], header["required"]) == (SIGNATURE_HEADER, "header", True)
    assert "HMAC-SHA256" in header["description"]
    assert "raw request body" in header["description"]
    assert re.fullmatch(header["schema"]["pattern"], header["example"])
    assert messages(header["schema"], "sha1=abc") != []
    assert operation["security"] == []  # the signature is the authentication, not an API key


@pytest.mark.parametrize("name", sorted(SCHEMA_OF))
def test_each_webhook_body_is_its_named_event_schema_and_any_2xx_acknowledges(name: str) -> None:
    operation = WEBHOOKS[name]
    assert operation["requestBody"]["required"] is True
    assert body_media(operation)["schema"] == {"$ref": f"#/components/schemas/{SCHEMA_OF[name]}"}
    assert set(operation["responses"]) == {"2XX", "default"}
    assert "retried" in operation["responses"]["default"]["description"]


@pytest.mark.parametrize("name", sorted(DOCUMENTED_STATUSES))
def test_each_webhook_example_is_its_event_with_a_documented_status_and_matches_the_schema(name: str) -> None:
    schema = body_media(WEBHOOKS[name])["schema"]
    assert examples(name)
    for example in examples(name):
        assert example["event"] == name
        assert example["status"] in DOCUMENTED_STATUSES[name]
        assert messages(schema, example) == []


def test_the_official_sdks_example_payload_is_a_call_event() -> None:
    assert messages(component_schema("CallEvent"), SDK_EXAMPLE) == []


# Keys every call event must carry: `event`, `status` and `timestamp` (documented), and `callId`, `direction`, `from`
# and `to`, which the official SDK requires and allows to be null.
REQUIRED = {"event", "callId", "direction", "status", "from", "to", "timestamp"}
NULLABLE = {"callId", "direction", "from", "to", "externalCallId", "bizOpaqueCallbackData"}


def official_event_type(name: str) -> Any:
    """The official SDK's TypedDict of an event: `call.ended` is `CallEndedEvent`."""
    suffix = "".join(part.title() for part in name.removeprefix("call.").split("_"))
    return getattr(official_types, f"Call{suffix}Event")


def nullable(schema: JSON) -> bool:
    types = schema.get("type", [])
    members = [resolve(SPEC, member) for member in schema.get("anyOf", [])]
    return "null" in types or any(member.get("type") == "null" for member in members)


@pytest.mark.parametrize("name", sorted(DOCUMENTED_STATUSES))
def test_each_event_requires_the_keys_the_official_sdk_requires_and_allows_null_where_it_does(name: str) -> None:
    schema = component_schema(SCHEMA_OF[name])
    official = official_event_type(name)
    hints = typing.get_type_hints(official)
    assert set(schema["required"]) == set(official.__required_keys__) == REQUIRED
    assert set(hints) <= set(schema["properties"])  # `bizOpaqueCallbackData` is ours alone: documented, optional
    for key, hint in hints.items():
        assert nullable(schema["properties"][key]) == (type(None) in typing.get_args(hint)), key
    assert {key for key, prop in schema["properties"].items() if nullable(prop)} <= NULLABLE


@pytest.mark.parametrize("schema", ["CallEvent", "CallPermissionUpdatedEvent"])
def test_unknown_fields_are_allowed_each_required_key_is_needed_and_null_only_where_allowed(schema: str) -> None:
    event_schema = component_schema(schema)
    assert "additionalProperties" not in event_schema
    name = "call.permission_updated" if schema == "CallPermissionUpdatedEvent" else "call.ringing"
    minimal = {"event": name, "callId": None, "direction": None, "status": "TEMPORARY", "from": None, "to": None,
               "timestamp": "2026-07-03T15:00:00.000Z"}  # fmt: skip
    assert messages(event_schema, minimal) == []
    assert messages(event_schema, {**minimal, "recordingUrl": "https://example.test/r", "tags": [1]}) == []
    for field in event_schema["required"]:
        assert messages(event_schema, {key: value for key, value in minimal.items() if key != field}) != [], field
    for field in ("event", "status", "timestamp"):
        assert messages(event_schema, {**minimal, field: None}) != [], field


def test_call_event_name_status_and_direction_are_open_enums() -> None:
    schema = component_schema("CallEvent")
    assert set(component_schema("CallEventName")["enum"]) == set(DOCUMENTED_STATUSES) - {"call.permission_updated"}
    later = {**SDK_EXAMPLE, "event": "call.on_hold", "status": "ON_HOLD", "direction": "SIDEWAYS"}
    assert messages(schema, later) == []
    assert messages(schema, {**SDK_EXAMPLE, "direction": None, "callId": None, "from": None, "to": None}) == []


def test_the_permission_event_names_itself_and_its_status_is_open() -> None:
    schema = component_schema("CallPermissionUpdatedEvent")
    (example,) = examples("call.permission_updated")
    assert set(component_schema("CallPermissionEventStatus")["enum"]) == DOCUMENTED_STATUSES["call.permission_updated"]
    assert messages(schema, {**example, "status": "REVOKED"}) == []
    assert messages(schema, {**example, "event": "call.ended"}) != []


@pytest.mark.parametrize(
    ("field", "value"),
    [("timestamp", "yesterday"), ("timestamp", 1751554925), ("duration", -1), ("duration", 1.5), ("callId", 7)],
)
def test_a_call_event_with_a_field_of_the_wrong_kind_is_refused(field: str, value: object) -> None:
    assert messages(component_schema("CallEvent"), {**SDK_EXAMPLE, field: value}) != []


def declared_properties(schema: JSON) -> Iterator[tuple[str, JSON]]:
    """Each property a schema declares, with those of its `allOf` members (and theirs)."""
    schema = resolve(SPEC, schema)
    yield from schema.get("properties", {}).items()
    for member in schema.get("allOf", []):
        yield from declared_properties(member)


def test_every_webhook_schema_property_says_where_it_comes_from() -> None:
    """Each field is labelled documented or inferred (the field list is not on the documentation pages)."""
    data_schemas = [f"{name}Data" for name in set(MESSAGE_SCHEMA_OF.values())]
    for schema in ("CallEvent", "CallPermissionUpdatedEvent", *data_schemas):
        for name, prop in declared_properties(component_schema(schema)):
            described = prop.get("description", "")
            if name in ("event", "status") and not described:
                continue  # their values are described by their enum schema, documented on the Calls pages
            assert "documented" in described or "Inferred" in described or "official Python SDK" in described, (
                schema,
                name,
            )


def _tool() -> Any:
    """`tools/generate.py`, the writer of the generated webhook schemas (tools/ is not a package)."""
    spec = importlib.util.spec_from_file_location("webhook_schemas_tool", ROOT / "tools" / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_generated_webhook_schemas_are_each_events_body_schema_resolved() -> None:
    assert _tool().webhook_schemas(SPEC) == WEBHOOK_SCHEMAS
    assert set(WEBHOOK_SCHEMAS) == set(SPEC["webhooks"])
    for name, schema in WEBHOOK_SCHEMAS.items():
        component = component_schema(SCHEMA_OF[name])
        assert (schema["required"], list(schema["properties"])) == (
            component["required"],
            list(component["properties"]),
        )
        assert "$ref" not in json.dumps(schema)
        assert "description" not in schema
    assert WEBHOOK_SCHEMAS["call.permission_updated"]["properties"]["event"] == {"const": "call.permission_updated"}
    assert WEBHOOK_SCHEMAS["message.failed"]["properties"]["event"] == {"const": "message.failed"}
    data = WEBHOOK_SCHEMAS["message.sent"]["properties"]["data"]
    assert data["required"] == component_schema("MessageEventData")["required"]


# --- the message events ----------------------------------------------------------------------------------------


def message_schema(name: str) -> JSON:
    """The schema of a message event's body."""
    return component_schema(MESSAGE_SCHEMA_OF[name])


def data_schema(name: str) -> tuple[dict[str, JSON], set[str]]:
    """What a message event's `data` declares, its `allOf` members merged: its properties, and the keys required."""
    data = message_schema(name)["properties"]["data"]
    properties = dict(declared_properties(data))
    required: set[str] = set()
    stack = [resolve(SPEC, data)]
    while stack:
        schema = stack.pop()
        required |= set(schema.get("required", []))
        stack += [resolve(SPEC, member) for member in schema.get("allOf", [])]
    return properties, required


def official_message_types() -> dict[str, Any]:
    """The official SDK's `TypedDict` of each `message.*` event's body, by event name (from its union of events)."""
    found = {}
    for event_type in typing.get_args(official_types.CustomerWebhookEvent):
        (name,) = typing.get_args(typing.get_type_hints(event_type)["event"])
        if name.startswith("message."):
            found[name] = event_type
    return found


OFFICIAL_MESSAGE_TYPES = official_message_types()


def test_the_message_events_are_the_eight_the_official_sdk_knows_and_the_open_enum_names_them() -> None:
    assert set(OFFICIAL_MESSAGE_TYPES) == set(MESSAGE_SCHEMA_OF)
    assert set(component_schema("MessageEventName")["enum"]) == set(MESSAGE_SCHEMA_OF)
    assert component_schema("MessageEvent")["properties"]["event"]["anyOf"][1] == {"type": "string"}


@pytest.mark.parametrize("name", sorted(MESSAGE_SCHEMA_OF))
def test_each_message_event_is_an_envelope_of_event_and_data_open_to_fields_added_later(name: str) -> None:
    schema = message_schema(name)
    assert set(schema["required"]) == {"event", "data"}
    assert "additionalProperties" not in schema
    (example,) = examples(name)
    assert messages(schema, {**example, "deliveryId": "dlv_1"}) == []
    assert messages(schema, {**example, "data": {**example["data"], "reaction": {"emoji": "+1"}}}) == []
    for key in ("event", "data"):
        assert messages(schema, {other: value for other, value in example.items() if other != key}) != [], key
    if MESSAGE_SCHEMA_OF[name] != "MessageEvent":  # an event with a `data` of its own names itself
        assert schema["properties"]["event"] == {"const": name}


@pytest.mark.parametrize("name", sorted(MESSAGE_SCHEMA_OF))
def test_each_message_example_is_its_event_matches_the_schema_and_the_official_sdk_accepts_it(name: str) -> None:
    schema = body_media(WEBHOOKS[name])["schema"]
    (example,) = examples(name)
    assert example["event"] == name
    assert messages(schema, example) == []
    assert parse_customer_webhook(example, unknown_events="raise") == example
    assert all(example["data"][phone].startswith("+") for phone in ("from", "to") if phone in example["data"])


@pytest.mark.parametrize("name", sorted(MESSAGE_SCHEMA_OF))
def test_each_message_events_data_requires_what_the_official_sdk_requires_and_allows_null_where_it_does(
    name: str,
) -> None:
    official = typing.get_type_hints(OFFICIAL_MESSAGE_TYPES[name])["data"]
    hints = typing.get_type_hints(official)
    properties, required = data_schema(name)
    assert required == set(official.__required_keys__)
    assert set(hints) == set(properties)
    for key, hint in hints.items():
        assert nullable(properties[key]) == (type(None) in typing.get_args(hint)), key


@pytest.mark.parametrize("name", sorted(MESSAGE_SCHEMA_OF))
def test_each_key_a_message_events_data_requires_is_needed_and_null_only_where_allowed(name: str) -> None:
    schema = message_schema(name)
    (example,) = examples(name)
    properties, required = data_schema(name)
    for key in required:
        without = {**example, "data": {other: value for other, value in example["data"].items() if other != key}}
        assert messages(schema, without) != [], key
        nulled = {**example, "data": {**example["data"], key: None}}
        assert (messages(schema, nulled) == []) == nullable(properties[key]), key


def test_a_message_type_and_an_event_name_added_later_are_allowed_though_the_official_sdk_refuses_the_type() -> None:
    (example,) = examples("message.received")
    later = {**example, "data": {**example["data"], "type": "poll"}}
    assert messages(message_schema("message.received"), later) == []
    official = typing.get_args(official_types.WhatsAppMessageType)
    assert set(component_schema("WhatsAppMessageType")["enum"]) == set(official)
    assert messages(component_schema("MessageEvent"), {**examples("message.sent")[0], "event": "message.edited"}) == []


@pytest.mark.parametrize(
    ("key", "value"),
    [("createdAt", "yesterday"), ("createdAt", 1751554925), ("fromMe", "yes"), ("messageId", 7), ("to", None),
     ("error", None), ("type", 3)],
)  # fmt: skip
def test_a_message_event_with_a_field_of_the_wrong_kind_is_refused(key: str, value: object) -> None:
    (example,) = examples("message.failed")
    assert messages(message_schema("message.failed"), {**example, "data": {**example["data"], key: value}}) != []


def test_the_data_of_a_message_failed_is_refused_without_an_error_and_of_a_received_one_without_from() -> None:
    failed, received = examples("message.failed")[0], examples("message.received")[0]
    assert messages(message_schema("message.failed"), {**failed, "data": {**failed["data"], "error": None}}) != []
    no_from = {key: value for key, value in received["data"].items() if key != "from"}
    assert messages(message_schema("message.received"), {**received, "data": no_from}) != []
    # A status event's `from` (the number's own phone) may be absent.
    sent = examples("message.sent")[0]
    assert messages(message_schema("message.sent"), {**sent, "data": {**sent["data"], "from": None}}) != []
    sent_data = {key: value for key, value in sent["data"].items() if key != "from"}
    assert messages(message_schema("message.sent"), {**sent, "data": sent_data}) == []
