"""The sandbox's `message.*` webhook payloads (`pilotstatus_sandbox._message_events.message_event`): each of the eight
events, built from a message's fields, satisfies the spec's schema of its body, is accepted by the official SDK's
parser, and reads with `pilotstatus.webhooks` as the typed event of its shape; emitted by the sandbox, it is listed by
`/_sandbox/events` as its helpers' document says and delivered signed, as a call event is."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pilot_status.webhooks import parse_customer_webhook  # type: ignore[import-untyped]

from pilotstatus import webhooks
from pilotstatus_sandbox import Sandbox, SandboxConfig
from pilotstatus_sandbox._backend import NUMBERS
from pilotstatus_sandbox._message_events import INBOUND_EVENTS, MESSAGE_EVENTS, OUTBOUND_EVENTS, message_event
from pilotstatus_sandbox._webhooks import encode_payload, sign
from tests._loopback import serve
from tests._sandbox_client import check_response
from tests._spec import load_spec, validator, webhook_operations

SECRET = "whsec_sandbox_messages_8d1f4b2a"
HANG_GUARD = 30.0  # seconds: only a broken sender ever waits this long
META = next(spec for spec in NUMBERS if spec.number_id == "num_sandbox_meta")
AT_MS = 1_793_534_400_200  # 2026-11-01T12:00:00.200Z
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
USER = "5511999990001"  # a phone as the sandbox keeps it: digits

# The schema the spec gives each message event's body.
BODY_SCHEMA = {
    name: operation["requestBody"]["content"]["application/json"]["schema"]
    for name, _, operation in webhook_operations(load_spec())
    if name.startswith("message.")
}
READ_AS = {
    "message.sent": webhooks.MessageStatusWebhookEvent,
    "message.delivered": webhooks.MessageStatusWebhookEvent,
    "message.read": webhooks.MessageStatusWebhookEvent,
    "message.failed": webhooks.MessageFailedWebhookEvent,
    "message.received": webhooks.MessageReceivedWebhookEvent,
    "message.reply": webhooks.MessageReplyWebhookEvent,
    "message.group": webhooks.MessageGroupWebhookEvent,
    "message.newsletter": webhooks.MessageNewsletterWebhookEvent,
}
# What a message holds for each event, as the sandbox's message lifecycle has it.
FIELDS: dict[str, dict[str, Any]] = {
    "message.sent": {
        "id": "msg_1",
        "messageId": "wamid.1",
        "to": USER,
        "type": "text",
        "content": "Hello",
        "correlationId": "corr_1",
    },
    "message.delivered": {"id": "msg_1", "messageId": "wamid.1", "to": USER},
    "message.read": {"id": "msg_1", "messageId": "wamid.1", "to": USER},
    "message.failed": {
        "id": "msg_2",
        "to": "5511999990004",
        "error": "Not delivered",
        "errorCode": "WHATSAPP_NOT_EXIST",
    },
    "message.received": {
        "id": "msg_3",
        "messageId": "wamid.3",
        "from": USER,
        "type": "text",
        "content": "Hi",
        "participantName": "Maria",
    },
    "message.reply": {
        "id": "msg_4",
        "messageId": "wamid.4",
        "from": USER,
        "content": "Thanks",
        "quotedMessageId": "wamid.1",
        "contentReplied": "Hello",
    },
    "message.group": {"id": "msg_5", "messageId": "wamid.5", "from": USER, "groupId": "1203@g.us", "groupName": None},
    "message.newsletter": {"id": "msg_6", "messageId": "wamid.6", "from": USER, "newsletterId": "1203@newsletter"},
}


def read(payload: dict[str, Any]) -> webhooks.WebhookEvent:
    """The payload as the sandbox's sender delivers it (its bytes, signed), read by the SDK as a receiver does."""
    body = encode_payload(payload)
    return webhooks.unwrap(body, {webhooks.SIGNATURE_HEADER: sign(body, SECRET)}, SECRET)


def test_the_sandbox_builds_the_eight_message_events_of_the_spec() -> None:
    assert set(MESSAGE_EVENTS) == set(BODY_SCHEMA) == webhooks.MESSAGE_EVENTS == set(FIELDS)
    assert set(OUTBOUND_EVENTS) | set(INBOUND_EVENTS) == set(MESSAGE_EVENTS)


@pytest.mark.parametrize("name", sorted(FIELDS))
def test_each_message_event_satisfies_its_schema_the_official_parser_and_reads_typed(name: str) -> None:
    payload = message_event(name, META, FIELDS[name], at_ms=AT_MS)

    assert [error.message for error in validator(BODY_SCHEMA[name]).iter_errors(payload)] == []
    assert parse_customer_webhook(payload, unknown_events="raise") == payload
    event = read(payload)
    assert type(event) is READ_AS[name]
    assert event.raw == payload


def test_a_message_the_number_sent_goes_from_the_number_to_the_user_in_e164() -> None:
    payload = message_event("message.sent", META, FIELDS["message.sent"], at_ms=AT_MS)
    assert payload == {
        "event": "message.sent",
        "data": {
            "numberId": "num_sandbox_meta",
            "messageId": "wamid.1",
            "id": "msg_1",
            "type": "text",
            "fromMe": True,
            "createdAt": "2026-11-01T12:00:00.200Z",
            "from": "+5511955550100",
            "to": "+5511999990001",
            "content": "Hello",
            "correlationId": "corr_1",
        },
    }


def test_a_message_a_user_wrote_goes_from_the_user_to_the_number() -> None:
    event = read(message_event("message.received", META, FIELDS["message.received"], at_ms=AT_MS))
    assert isinstance(event, webhooks.MessageReceivedWebhookEvent)
    assert (event.from_, event.to, event.from_me, event.participant_name) == (
        "+5511999990001",
        "+5511955550100",
        False,
        "Maria",
    )


def test_a_failure_before_the_provider_took_it_has_a_null_message_id_and_none_leaves_a_key_out() -> None:
    fields = {**FIELDS["message.failed"], "content": None, "correlationId": None}
    data = message_event("message.failed", META, fields, at_ms=AT_MS)["data"]
    assert data["messageId"] is None
    assert "content" not in data
    assert "correlationId" not in data
    group = message_event("message.group", META, FIELDS["message.group"], at_ms=AT_MS)["data"]
    assert group["groupName"] is None  # the spec lets it be null


@pytest.mark.parametrize(
    ("name", "fields", "said"),
    [
        ("message.deleted", {"id": "msg_1"}, "'message.deleted' is not a message event"),
        ("call.ended", {"id": "msg_1"}, "'call.ended' is not a message event"),
        ("message.sent", {"to": USER}, "the message.sent event of a message needs its `id`"),
    ],
)
def test_a_name_that_is_no_message_event_or_fields_without_an_id_are_refused(
    name: str, fields: dict[str, Any], said: str
) -> None:
    with pytest.raises(ValueError, match=said):
        message_event(name, META, fields, at_ms=AT_MS)


texts = st.text(min_size=1, max_size=20)
digits = st.from_regex(r"\A\+?[1-9][0-9]{7,14}\Z")
message_fields = st.fixed_dictionaries(
    {"id": texts},
    optional={
        "messageId": st.none() | texts,
        "type": st.sampled_from(["text", "image", "audio", "document", "sticker"]) | texts,
        "content": st.none() | st.text(max_size=40),
        "correlationId": st.none() | texts,
        "mediaLink": st.none() | texts,
        "mediaType": st.none() | st.sampled_from(["image/jpeg", "application/pdf"]),
        "error": texts,
        "errorCode": st.none() | st.sampled_from(["META_OUTSIDE_24H_WINDOW", "FLOW_WINDOW_CLOSED"]) | texts,
        "participantName": st.none() | texts,
        "quotedMessageId": st.none() | texts,
        "contentReplied": st.none() | texts,
        "groupId": st.none() | texts,
        "groupName": st.none() | texts,
        "newsletterId": st.none() | texts,
        "newsletterName": st.none() | texts,
    },
)


@settings(max_examples=200, deadline=None)
@given(name=st.sampled_from(sorted(FIELDS)), fields=message_fields, peer=digits, at_ms=st.integers(0, 2**42))
def test_any_message_event_the_sandbox_builds_satisfies_its_schema_and_reads_as_its_typed_event(
    name: str, fields: dict[str, Any], peer: str, at_ms: int
) -> None:
    if name == "message.failed":
        fields = {"error": "Not delivered", **fields}  # the one key the failure needs beside the message's
    fields = {**fields, "to" if name in OUTBOUND_EVENTS else "from": peer}
    payload = message_event(name, META, fields, at_ms=at_ms)

    assert [error.message for error in validator(BODY_SCHEMA[name]).iter_errors(payload)] == []
    event = read(payload)
    assert type(event) is READ_AS[name]
    assert isinstance(event, webhooks.MessageWebhookEvent)
    assert (event.id, event.number_id, event.from_me) == (fields["id"], META.number_id, name in OUTBOUND_EVENTS)
    assert (event.to if name in OUTBOUND_EVENTS else event.from_) == "+" + peer.removeprefix("+")
    assert event.created_at == EPOCH + datetime.timedelta(milliseconds=at_ms)


def test_the_builder_is_importable_without_the_web_server() -> None:
    script = "import sys, pilotstatus_sandbox._message_events\nprint('starlette' in sys.modules)\n"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


# --- emitted by the sandbox --------------------------------------------------------------------------------------


class Recorder:
    """A webhook receiver that keeps each delivery's body and signature."""

    def __init__(self) -> None:
        self.received: list[tuple[bytes, str]] = []
        self._arrived = threading.Condition()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        with self._arrived:
            self.received.append((request.content, request.headers[webhooks.SIGNATURE_HEADER]))
            self._arrived.notify_all()
        return httpx.Response(200)

    def wait_for(self, count: int) -> list[tuple[bytes, str]]:
        with self._arrived:
            assert self._arrived.wait_for(lambda: len(self.received) >= count, HANG_GUARD)
            return list(self.received)


@pytest.fixture
def recorder() -> Iterator[tuple[Recorder, str]]:
    recording = Recorder()
    with serve(recording) as url:
        yield recording, url


def test_a_message_event_the_sandbox_emits_is_listed_as_its_helpers_say_and_delivered_signed(
    recorder: tuple[Recorder, str],
) -> None:
    recording, url = recorder
    config = SandboxConfig(calls=0, manual_clock=True, webhook_url=url, webhook_secret=SECRET)
    with Sandbox(config) as sandbox:
        backend = sandbox.app.state.backend
        with backend.locked() as now:
            number = backend.number(META.number_id)
            for name in ("message.sent", "message.received"):
                backend.emit(number, message_event(name, number, FIELDS[name], at_ms=now))
        with httpx.Client(base_url=sandbox.url, event_hooks={"response": [check_response]}) as http:
            listed = http.get("/_sandbox/events", headers={"x-api-key": "ps_sandbox_meta_number"}).json()["events"]
        delivered = recording.wait_for(2)
    assert [event["event"] for event in listed] == ["message.sent", "message.received"]
    assert [json.loads(body) for body, _ in delivered] == listed
    kinds = [
        type(webhooks.unwrap(body, {webhooks.SIGNATURE_HEADER: signature}, SECRET)) for body, signature in delivered
    ]
    assert kinds == [webhooks.MessageStatusWebhookEvent, webhooks.MessageReceivedWebhookEvent]
