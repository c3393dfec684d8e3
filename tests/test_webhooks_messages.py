"""`pilotstatus.webhooks` on the `message.*` events: a verified `{event, data}` delivery reads as the typed event of
its shape (the generated model the spec names for its body), each of the eight; a `message.*` name this version does
not list, and fields or values added later, never break reading; a body its schema refuses is a payload error naming
the key under `data`; and a changed body or signature is refused before anything is read."""

from __future__ import annotations

import datetime
import json
import logging
from collections.abc import Callable
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from pilotstatus import webhooks
from pilotstatus._drift import DriftRecord
from pilotstatus.webhooks import (
    SIGNATURE_HEADER,
    MessageFailedWebhookEvent,
    MessageGroupWebhookEvent,
    MessageNewsletterWebhookEvent,
    MessageReceivedWebhookEvent,
    MessageReplyWebhookEvent,
    MessageStatusWebhookEvent,
    MessageWebhookEvent,
    UnknownWebhookEvent,
    WebhookPayloadError,
    WebhookVerificationError,
    parse,
    sign,
    unwrap,
)
from tests._spec import load_spec, media_examples, webhook_operations

SECRET = "whsec_messages_5c2e9a17d3b84f60"
SPEC = load_spec()

# Each message event's documented example body, and the schema the spec gives its body.
MESSAGE_OPERATIONS = {name: operation for name, _, operation in webhook_operations(SPEC) if name.startswith("message.")}
DOCUMENTED = {
    name: example
    for name, operation in MESSAGE_OPERATIONS.items()
    for example in media_examples(operation["requestBody"]["content"]["application/json"])
}
SCHEMA_NAME = {
    name: operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].rpartition("/")[2]
    for name, operation in MESSAGE_OPERATIONS.items()
}
# The class each event is read as: the one the README's table names.
READ_AS: dict[str, type[MessageWebhookEvent]] = {
    "message.sent": MessageStatusWebhookEvent,
    "message.delivered": MessageStatusWebhookEvent,
    "message.read": MessageStatusWebhookEvent,
    "message.failed": MessageFailedWebhookEvent,
    "message.received": MessageReceivedWebhookEvent,
    "message.reply": MessageReplyWebhookEvent,
    "message.group": MessageGroupWebhookEvent,
    "message.newsletter": MessageNewsletterWebhookEvent,
}
# Each attribute of the typed event and the key of `data` it reads.
COMMON = {"id": "id", "message_id": "messageId", "number_id": "numberId", "from_me": "fromMe", "from_": "from",
          "to": "to", "type_": "type", "content": "content", "correlation_id": "correlationId"}  # fmt: skip
EXTRAS: dict[type[MessageWebhookEvent], dict[str, str]] = {
    MessageStatusWebhookEvent: {},
    MessageFailedWebhookEvent: {"error": "error", "error_code": "errorCode"},
    MessageReceivedWebhookEvent: {"participant_name": "participantName"},
    MessageReplyWebhookEvent: {
        "participant_name": "participantName",
        "quoted_message_id": "quotedMessageId",
        "content_replied": "contentReplied",
    },
    MessageGroupWebhookEvent: {"participant_name": "participantName", "group_id": "groupId", "group_name": "groupName"},
    MessageNewsletterWebhookEvent: {
        "participant_name": "participantName",
        "newsletter_id": "newsletterId",
        "newsletter_name": "newsletterName",
    },
}


def signed(payload: Any, secret: str = SECRET) -> tuple[bytes, dict[str, str]]:
    """A body as Pilot Status sends it (compact JSON, UTF-8) and its signature header."""
    body = json.dumps(payload, separators=(",", ":")).encode()
    return body, {SIGNATURE_HEADER: sign(body, secret)}


def assert_reads_every_field(event: MessageWebhookEvent, payload: dict[str, Any]) -> None:
    """Each attribute of the typed event is its key of `data` (absent: None), `created_at` the instant it names."""
    data = payload["data"]
    for attribute, key in {**COMMON, **EXTRAS[type(event)]}.items():
        assert getattr(event, attribute) == data.get(key), attribute
    assert event.created_at == datetime.datetime.fromisoformat(data["createdAt"])
    assert event.created_at.utcoffset() is not None
    assert event.event == payload["event"]
    assert event.raw == payload
    assert event.data is event.model.data


def test_the_eight_message_events_are_read_each_as_the_class_of_its_shape() -> None:
    assert set(DOCUMENTED) == set(READ_AS) == webhooks.MESSAGE_EVENTS


@pytest.mark.parametrize("name", sorted(READ_AS))
def test_every_documented_message_event_reads_as_its_typed_event_with_its_fields(name: str) -> None:
    payload = DOCUMENTED[name]
    event = unwrap(*signed(payload), SECRET)

    assert type(event) is READ_AS[name]
    assert isinstance(event, MessageWebhookEvent)
    assert type(event.model).__name__ == SCHEMA_NAME[name]  # the generated model the spec names for its body
    assert type(event.data).__name__ == f"{SCHEMA_NAME[name]}Data"
    assert_reads_every_field(event, payload)


def test_the_failure_a_reply_a_group_message_and_a_channel_post_read_what_each_adds() -> None:
    failed = parse(DOCUMENTED["message.failed"])
    assert isinstance(failed, MessageFailedWebhookEvent)
    assert (failed.error_code, failed.message_id, failed.from_) == ("META_OUTSIDE_24H_WINDOW", None, None)
    assert failed.error.startswith("The 24-hour window is closed")
    reply = parse(DOCUMENTED["message.reply"])
    assert isinstance(reply, MessageReplyWebhookEvent)
    assert reply.quoted_message_id == DOCUMENTED["message.sent"]["data"]["messageId"]
    group = parse(DOCUMENTED["message.group"])
    assert isinstance(group, MessageGroupWebhookEvent)
    assert (group.group_id, group.group_name) == ("120363025246125486@g.us", "Store team")
    post = parse(DOCUMENTED["message.newsletter"])
    assert isinstance(post, MessageNewsletterWebhookEvent)
    assert (post.newsletter_id, post.participant_name) == ("120363144038483540@newsletter", None)


def test_a_message_events_repr_names_it_and_its_message_and_two_alike_are_equal() -> None:
    event = parse(DOCUMENTED["message.delivered"])
    assert repr(event) == (
        "MessageStatusWebhookEvent(event='message.delivered', id='msg_01HZX...',"
        " message_id='wamid.HBgNNTUxMTk5OTk5OTk5ORUCABEYEjA4', created_at='2026-07-03T15:00:01+00:00')"
    )
    assert event == parse(DOCUMENTED["message.delivered"])
    assert event != parse(DOCUMENTED["message.read"])


def test_a_status_event_without_from_and_with_only_the_required_keys_reads_none_for_the_rest() -> None:
    data = {"numberId": "num_1", "messageId": None, "id": "msg_1", "fromMe": True, "createdAt": "2026-07-03T15:00:00Z",
            "to": "+5511999999999"}  # fmt: skip
    event = parse({"event": "message.sent", "data": data})
    assert isinstance(event, MessageStatusWebhookEvent)
    assert (event.from_, event.type_, event.content, event.correlation_id, event.data.media_link) == (None,) * 5


# --- what this version does not know ------------------------------------------------------------------------------


@pytest.fixture
def drift(caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> Callable[[], list[str]]:
    """A record of drift as a fresh process has it, and the warnings logged so far."""
    monkeypatch.setattr(webhooks, "_drift_record", DriftRecord())
    caplog.set_level(logging.WARNING, logger="pilotstatus")
    return lambda: [record.getMessage() for record in caplog.records if record.name == "pilotstatus"]


def test_a_field_and_a_message_type_added_later_are_kept_and_warned_about_once_each(
    drift: Callable[[], list[str]],
) -> None:
    received = DOCUMENTED["message.received"]
    payload = {
        **received,
        "deliveryAttempt": 2,
        "data": {**received["data"], "type": "poll", "reaction": {"emoji": "+1"}},
    }
    for _ in range(2):
        event = unwrap(*signed(payload), SECRET)
        assert isinstance(event, MessageReceivedWebhookEvent)
        assert event.type_ == "poll"
        assert event.data.additional_properties == {"reaction": {"emoji": "+1"}}
        assert event.model.additional_properties == {"deliveryAttempt": 2}
    assert sorted(drift()) == [
        "message.received: the webhook has a field the SDK does not know, MessageReceivedEvent.deliveryAttempt (int);"
        " kept in additional_properties",
        "message.received: the webhook has a field the SDK does not know, MessageReceivedEventData.reaction (dict);"
        " kept in additional_properties",
        "message.received: the webhook has an enum value the SDK does not know, MessageReceivedEventData.type = 'poll'"
        " (str); kept as it came",
    ]


def test_the_documented_message_events_are_no_drift(drift: Callable[[], list[str]]) -> None:
    for payload in DOCUMENTED.values():
        unwrap(*signed(payload), SECRET)
    assert drift() == []


LATER = {
    "a message event added later": {"event": "message.edited", "data": {"id": "msg_1", "content": "fixed"}},
    "a message event of another case": {"event": "MESSAGE.SENT", "data": {}},
    "a message event without data": {"event": "message.deleted"},
    "a number event": {"event": "number.connected", "data": {"numberId": "num_1"}},
    "the official SDK's lead event": {"event": "lead.received", "data": {"leadId": "lead_1"}},
}


@pytest.mark.parametrize("payload", LATER.values(), ids=LATER.keys())
def test_an_event_this_version_does_not_list_comes_back_generic_even_in_the_message_family(
    payload: dict[str, Any],
) -> None:
    assert unwrap(*signed(payload), SECRET) == UnknownWebhookEvent(payload["event"], payload)


BROKEN = {
    "no data": ({"event": "message.sent"}, "the message.sent event has no `data`"),
    "data not an object": ({"event": "message.read", "data": []}, "the message.read event's `data` is an array"),
    "no id": ({"event": "message.sent", "data": {"numberId": "n"}}, "has no `data.messageId`"),
    "a failure without its error": (
        {**DOCUMENTED["message.failed"], "data": {**DOCUMENTED["message.failed"]["data"], "error": None}},
        "the message.failed event's `data.error` is null, not a string",
    ),
    "a received message without from": (
        {
            "event": "message.received",
            "data": {key: value for key, value in DOCUMENTED["message.received"]["data"].items() if key != "from"},
        },
        "the message.received event has no `data.from`",
    ),
    "a createdAt without a zone": (
        {**DOCUMENTED["message.sent"], "data": {**DOCUMENTED["message.sent"]["data"], "createdAt": "2026-07-03T15:00"}},
        "`data.createdAt` '2026-07-03T15:00' has no time zone",
    ),
    "fromMe as text": (
        {**DOCUMENTED["message.sent"], "data": {**DOCUMENTED["message.sent"]["data"], "fromMe": "true"}},
        "`data.fromMe` is a string, not a boolean",
    ),
    "another event's name in a failure's shape": (
        {**DOCUMENTED["message.failed"], "event": "message.failed", "data": DOCUMENTED["message.sent"]["data"]},
        "has no `data.error`",
    ),
}


@pytest.mark.parametrize(("payload", "said"), BROKEN.values(), ids=BROKEN.keys())
def test_a_message_event_its_schema_refuses_is_a_payload_error_naming_the_key_under_data(
    payload: dict[str, Any], said: str
) -> None:
    with pytest.raises(WebhookPayloadError) as caught:
        unwrap(*signed(payload), SECRET)
    assert said in str(caught.value)
    assert str(caught.value).startswith(f"the {payload['event']} event")


# --- properties ---------------------------------------------------------------------------------------------------


def message_bodies(name: str) -> st.SearchStrategy[dict[str, Any]]:
    """Every body the spec's schema of the event accepts (fields added later included), named as the event."""
    schema = {"$ref": f"#/components/schemas/{SCHEMA_NAME[name]}", "components": SPEC["components"]}
    return from_schema(schema).map(lambda body: {**cast(dict[str, Any], body), "event": name})


MESSAGE_NAMES = sorted(READ_AS)
any_message_body = st.one_of(*map(message_bodies, MESSAGE_NAMES))


def normalized_json(value: Any) -> Any:
    """A body as the generated model writes it back: an instant in Python's spelling (compared as instants)."""
    return json.loads(json.dumps(value))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payload=any_message_body)
def test_any_message_event_its_schema_accepts_reads_as_its_typed_event_and_writes_back_the_same_json(
    payload: dict[str, Any],
) -> None:
    event = unwrap(*signed(payload), SECRET)

    assert type(event) is READ_AS[payload["event"]]
    assert isinstance(event, MessageWebhookEvent)
    assert_reads_every_field(event, payload)
    written = event.model.to_dict()
    assert datetime.datetime.fromisoformat(written["data"].pop("createdAt")) == event.created_at
    expected = normalized_json(payload)
    expected["data"].pop("createdAt")
    assert written == expected


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
DATA_KEYS = ["numberId", "messageId", "id", "type", "fromMe", "createdAt", "from", "to", "content", "error",
             "errorCode", "participantName", "quotedMessageId", "groupId", "newsletterId"]  # fmt: skip
# A body that is nearly a message event: a known name, and `data` built of its keys with any JSON value, or none.
nearly_message_events = st.fixed_dictionaries(
    {
        "event": st.sampled_from(MESSAGE_NAMES),
        "data": json_values | st.dictionaries(st.sampled_from(DATA_KEYS), json_values | st.text(max_size=8)),
    }
)
later_fields = st.dictionaries(st.text(max_size=12), json_values, max_size=3)
KNOWN = webhooks.MESSAGE_EVENTS | webhooks.CALL_EVENTS | {webhooks.PERMISSION_EVENT}
any_json_body = json_values | st.dictionaries(st.just("event") | st.text(max_size=8), json_values, max_size=4)


@settings(max_examples=300, deadline=None)
@given(payload=nearly_message_events | any_json_body)
def test_any_json_body_with_a_valid_signature_reads_as_an_event_or_is_a_payload_error_naming_it(payload: Any) -> None:
    body, headers = signed(payload)
    name = payload.get("event") if isinstance(payload, dict) else None
    known = isinstance(name, str) and name in KNOWN
    refused: str | None = None
    try:
        event = unwrap(body, headers, SECRET)
    except WebhookPayloadError as error:
        refused = str(error)
    if refused is not None:
        assert refused.startswith(f"the {name} event" if known else "the webhook's body is JSON but")
        assert "\n" not in refused
        return
    assert isinstance(payload, dict)
    if isinstance(name, str) and name in READ_AS:
        assert type(event) is READ_AS[name]
    elif not known:
        assert event == UnknownWebhookEvent(name if isinstance(name, str) else None, payload)  # never an error
    assert event.raw == payload


@settings(max_examples=100, deadline=None)
@given(payload=st.sampled_from(sorted(DOCUMENTED.values(), key=str)), later=later_fields, data=st.data())
def test_a_message_event_with_any_byte_of_its_body_or_signature_changed_is_refused_before_it_is_read(
    payload: dict[str, Any], later: dict[str, Any], data: st.DataObject
) -> None:
    body, headers = signed({**payload, "data": {**later, **payload["data"]}})
    index = data.draw(st.integers(0, len(body) - 1), label="index")
    byte = data.draw(st.integers(0, 255).filter(lambda value: value != body[index]), label="byte")
    tampered = body[:index] + bytes([byte]) + body[index + 1 :]
    with pytest.raises(WebhookVerificationError, match="does not match"):
        unwrap(tampered, headers, SECRET)

    signature = headers[SIGNATURE_HEADER]
    digit = data.draw(st.integers(0, len(signature) - 1), label="digit")
    other = data.draw(st.sampled_from("0123456789abcdef").filter(lambda value: value != signature[digit]))
    with pytest.raises(WebhookVerificationError, match="does not match"):
        unwrap(body, {SIGNATURE_HEADER: signature[:digit] + other + signature[digit + 1 :]}, SECRET)
    with pytest.raises(WebhookVerificationError, match="does not match"):
        unwrap(body, headers, SECRET + "x")
